package com.offerflow.signing;

import com.offerflow.signing.simple.LookasidePath;
import com.offerflow.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The lookaside signature store, public and read-only: {@code GET /signatures/<repository path>@sha256=<hex>/
 * signature-<n>} answers the n-th simple signature of that manifest ({@code application/octet-stream}), and 404
 * after the last one, which is how a client knows it has them all. The base URL to give clients in
 * {@code registries.d} is {@code <app URL>/signatures}. Signatures come from the database only: a path that is not
 * exactly a signature's answers 404 and reads nothing.
 */
@RestController
class LookasideController {

    static final String BASE = "/signatures";

    private final PackageSignatures signatures;

    LookasideController(PackageSignatures signatures) {
        this.signatures = signatures;
    }

    @GetMapping(BASE + "/{*path}")
    ResponseEntity<byte[]> signature(@PathVariable String path) {
        LookasidePath wanted = LookasidePath.parse(path).orElseThrow(LookasideController::noSuchSignature);
        byte[] signature = signatures.nth(wanted.repositoryPath(), wanted.manifestDigest(), wanted.index())
                .orElseThrow(LookasideController::noSuchSignature);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                // a signature-<n> does not change; a new one may appear after the last, so 404s are not cached
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(signature);
    }

    private static ApiException noSuchSignature() {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "There is no signature at this path.");
    }
}
