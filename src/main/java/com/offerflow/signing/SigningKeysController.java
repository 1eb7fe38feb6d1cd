package com.offerflow.signing;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/signing-keys}: the public keys that verify Offerflow's signatures, public, as one armoured
 * keyring ({@code application/pgp-keys}) for {@code policy.json}'s {@code keyPath} or {@code gpg --import}: the
 * current key first, then the previous ones. A comment line names each key's fingerprint.
 */
@RestController
class SigningKeysController {

    static final MediaType PGP_KEYS = MediaType.parseMediaType("application/pgp-keys");

    private final SigningKeys keys;

    SigningKeysController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/signing-keys")
    ResponseEntity<byte[]> keys() {
        return ResponseEntity.ok()
                .contentType(PGP_KEYS)
                .header("Content-Disposition", "attachment; filename=\"offerflow-signing-keys.asc\"")
                .body(keys.published().armoured());
    }
}
