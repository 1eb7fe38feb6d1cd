package com.offerflow.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content digest as OCI writes it: {@code sha256:<64 lowercase hex>}. Only sha256 is accepted, so a digest that
 * parsed is always safe to use as a file name under {@code blobs/sha256/}.
 */
public record Digest(String hex) {

    private static final String PREFIX = "sha256:";
    private static final HexFormat HEX = HexFormat.of();

    public Digest {
        if (!isSha256Hex(hex)) {
            throw new IllegalArgumentException("not 64 lowercase hex characters: " + abbreviate(hex));
        }
    }

    /** Parses {@code sha256:<64 lowercase hex>}; anything else is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static Digest parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sha256 digest: " + abbreviate(value));
        }
        return new Digest(value.substring(PREFIX.length()));
    }

    /** The digest of the given bytes. */
    public static Digest of(byte[] data) {
        return fromBytes(sha256().digest(data));
    }

    /** The digest of everything the stream still has; the stream is read to its end but not closed. */
    public static Digest of(InputStream in) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
        return fromBytes(md.digest());
    }

    /** Wraps the 32 bytes a SHA-256 {@link MessageDigest} produced. */
    public static Digest fromBytes(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a sha256 digest has 32 bytes, not " + sha256.length);
        }
        return new Digest(HEX.formatHex(sha256));
    }

    /** A fresh SHA-256 message digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public String algorithm() {
        return "sha256";
    }

    /** A short form for messages: {@code sha256:0123456789ab}. */
    public String shortForm() {
        return PREFIX + hex.substring(0, 12);
    }

    @JsonValue
    @Override
    public String toString() {
        return PREFIX + hex;
    }

    private static boolean isSha256Hex(String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
