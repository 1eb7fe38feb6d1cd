package com.offerflow.scanner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Malware signatures in ClamAV's hash database formats: {@code .hdb} lines {@code MD5:size:name} and {@code .hsb}
 * lines {@code SHA1-or-SHA256:size:name[:flevel]}; size may be {@code *} (any size). Signatures are indexed by
 * size, so only files whose size some signature names are hashed. The EICAR test file is always known.
 */
final class HashSignatures {

    private static final Logger log = LoggerFactory.getLogger(HashSignatures.class);

    /** The EICAR anti-virus test file (68 bytes). */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    enum Algorithm {
        MD5("MD5"), SHA1("SHA-1"), SHA256("SHA-256");

        final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }

        MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(jca);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static Algorithm ofHexLength(int length) {
            return switch (length) {
                case 32 -> MD5;
                case 40 -> SHA1;
                case 64 -> SHA256;
                default -> null;
            };
        }
    }

    record Signature(Algorithm algorithm, String hex, long size, String name, String source) {
    }

    private final Map<Long, List<Signature>> bySize = new HashMap<>();
    private final List<Signature> anySize = new ArrayList<>();
    private int count;
    private final List<String> problems = new ArrayList<>();

    private HashSignatures() {
    }

    /** The built-in signatures only (EICAR with no, LF and CRLF line ends). */
    static HashSignatures builtIn() {
        HashSignatures s = new HashSignatures();
        for (String variant : new String[]{EICAR, EICAR + "\n", EICAR + "\r\n"}) {
            byte[] bytes = variant.getBytes(StandardCharsets.US_ASCII);
            s.add(new Signature(Algorithm.MD5, hex(Algorithm.MD5, bytes), bytes.length, "Eicar-Test-Signature",
                    "built-in"));
        }
        return s;
    }

    /**
     * The built-in signatures plus those of the given files. A file that cannot be read is a problem (listed in
     * {@link #problems()}); malformed lines are skipped and counted.
     */
    static HashSignatures load(List<Path> files) {
        HashSignatures s = builtIn();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".hdb") && !name.endsWith(".hsb")) {
                s.problems.add(file + " is neither a .hdb nor a .hsb file");
                continue;
            }
            int before = s.count;
            int bad = 0;
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int lineNo = 0;
                while ((line = r.readLine()) != null) {
                    lineNo++;
                    Signature sig = parseLine(line, name.endsWith(".hdb"), file.getFileName() + ":" + lineNo);
                    if (sig != null) {
                        s.add(sig);
                    } else if (!line.isBlank() && !line.startsWith("#")) {
                        bad++;
                    }
                }
            } catch (IOException e) {
                s.problems.add("cannot read signature file " + file + ": " + e.getMessage());
                continue;
            }
            if (bad > 0) {
                log.warn("{}: skipped {} malformed signature lines", file, bad);
            }
            log.info("loaded {} hash signatures from {}", s.count - before, file);
        }
        return s;
    }

    /** Parses one line; null for comments, blank and malformed lines. */
    static Signature parseLine(String line, boolean hdb, String source) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
            return null;
        }
        String[] f = l.split(":", -1);
        if (f.length < 3 || f.length > 4) {
            return null;
        }
        String hex = f[0].toLowerCase(Locale.ROOT);
        Algorithm alg = Algorithm.ofHexLength(hex.length());
        if (alg == null || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            return null;
        }
        if (hdb != (alg == Algorithm.MD5)) {
            return null; // .hdb holds MD5 hashes, .hsb SHA-1 and SHA-256
        }
        long size;
        if (f[1].equals("*")) {
            size = -1;
        } else {
            try {
                size = Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (size < 0) {
                return null;
            }
        }
        if (f[2].isBlank()) {
            return null;
        }
        return new Signature(alg, hex, size, f[2], source);
    }

    private void add(Signature sig) {
        if (sig.size() < 0) {
            anySize.add(sig);
        } else {
            bySize.computeIfAbsent(sig.size(), k -> new ArrayList<>(1)).add(sig);
        }
        count++;
    }

    int count() {
        return count;
    }

    List<String> problems() {
        return problems;
    }

    /** Whether a file of this size must be hashed at all. */
    boolean wants(long size) {
        return !anySize.isEmpty() || bySize.containsKey(size);
    }

    /** The signatures a file of this size could match. */
    List<Signature> candidates(long size) {
        List<Signature> sized = bySize.get(size);
        if (anySize.isEmpty()) {
            return sized == null ? List.of() : sized;
        }
        List<Signature> all = new ArrayList<>(anySize);
        if (sized != null) {
            all.addAll(sized);
        }
        return all;
    }

    static String hex(Algorithm alg, byte[] data) {
        return HexFormat.of().formatHex(alg.newDigest().digest(data));
    }
}
