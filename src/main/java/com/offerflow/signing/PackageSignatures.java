package com.offerflow.signing;

import com.offerflow.image.Digest;
import com.offerflow.signing.simple.DockerReference;
import com.offerflow.signing.simple.LookasidePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code package_signature} table: the signatures made, and the lookaside's reads of them. */
@Repository
class PackageSignatures {

    private final JdbcClient jdbc;

    PackageSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PackageSignature> find(DockerReference reference, Digest manifestDigest, String keyFingerprint) {
        return jdbc.sql("""
                        select created_at from package_signature
                        where docker_reference = ? and manifest_digest = ? and key_fingerprint = ?""")
                .params(reference.toString(), manifestDigest.toString(), keyFingerprint)
                .query((rs, row) -> signature(reference, manifestDigest, keyFingerprint,
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    PackageSignature insert(DockerReference reference, Digest manifestDigest, String keyFingerprint,
            byte[] signature, Instant now) {
        jdbc.sql("""
                        insert into package_signature (repository_path, manifest_digest, docker_reference,
                            key_fingerprint, signature, created_at) values (?, ?, ?, ?, ?, ?)""")
                .params(reference.path(), manifestDigest.toString(), reference.toString(), keyFingerprint, signature,
                        now.atOffset(ZoneOffset.UTC))
                .update();
        return signature(reference, manifestDigest, keyFingerprint, now);
    }

    /** The n-th signature (from 1, oldest first) of the manifest in any repository of that path; empty if none. */
    Optional<byte[]> nth(String repositoryPath, Digest manifestDigest, int n) {
        return jdbc.sql("""
                        select signature from package_signature where repository_path = ? and manifest_digest = ?
                        order by signature_id offset ? rows fetch next 1 rows only""")
                .params(repositoryPath, manifestDigest.toString(), n - 1)
                .query(byte[].class).optional();
    }

    private static PackageSignature signature(DockerReference reference, Digest digest, String fingerprint,
            Instant at) {
        return new PackageSignature(reference, digest, fingerprint, at,
                LookasidePath.folder(reference.path(), digest));
    }
}
