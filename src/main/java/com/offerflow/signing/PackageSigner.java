package com.offerflow.signing;

import com.offerflow.image.Digest;
import com.offerflow.signing.simple.DockerReference;
import com.offerflow.signing.simple.SignaturePayload;
import com.offerflow.signing.simple.SimpleSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Signs packages: one simple signature of the package's manifest digest per docker reference a client will pull
 * it by (each region's {@code host/repository:tag}, and the preview's), made with the current signing key and
 * stored for the lookaside store to serve. Packaging calls it once the package's digest is known.
 *
 * <p>Idempotent, so a retried step signs nothing twice: a reference already signed for that manifest by the current
 * key keeps its signature. After a key rotation the new key signs again, next to the old signatures. Each signature
 * is stored as it is made: call it outside a transaction (as the packaging worker works), so that a signature two
 * nodes make at once ends as one.
 */
@Service
public class PackageSigner {

    private static final Logger log = LoggerFactory.getLogger(PackageSigner.class);

    private final SigningKeys keys;
    private final PackageSignatures signatures;
    private final Clock clock;

    PackageSigner(SigningKeys keys, PackageSignatures signatures, Clock clock) {
        this.keys = keys;
        this.signatures = signatures;
        this.clock = clock;
    }

    /**
     * Signs the manifest under each reference (each once, in the order given) and returns the signatures, new or
     * already there.
     *
     * @param manifestDigest the digest of what a client pulls by these references: the package's manifest, or its
     *                       image index for a package of several platforms
     */
    public List<PackageSignature> sign(Digest manifestDigest, List<DockerReference> references) {
        SimpleSigner signer = new SimpleSigner(keys.current());
        String fingerprint = signer.key().fingerprint();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<PackageSignature> signed = new ArrayList<>();
        for (DockerReference reference : new LinkedHashSet<>(references)) {
            signed.add(signatures.find(reference, manifestDigest, fingerprint).orElseGet(() -> {
                byte[] signature = signer.sign(SignaturePayload.of(manifestDigest, reference, now));
                try {
                    return signatures.insert(reference, manifestDigest, fingerprint, signature, now);
                } catch (DuplicateKeyException e) {
                    // another node signed the same reference at the same moment: theirs is as good
                    return signatures.find(reference, manifestDigest, fingerprint).orElseThrow(() -> e);
                }
            }));
        }
        log.info("Signed {} as {} with key {}", manifestDigest, references, fingerprint);
        return signed;
    }
}
