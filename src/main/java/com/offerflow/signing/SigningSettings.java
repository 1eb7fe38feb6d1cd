package com.offerflow.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;

/**
 * The marketplace's signing key ({@code offerflow.signing.*}). Without a key file, a key is generated under
 * {@code <data-dir>/signing/} at the first start and used from then on (the production profile refuses that).
 *
 * @param keyFile       the OpenPGP private key, as {@code gpg --export-secret-keys --armor KEY} writes it
 *                      ({@code OFFERFLOW_SIGNING_KEY_FILE}); its primary key must sign
 * @param keyPassphrase the key's passphrase ({@code OFFERFLOW_SIGNING_KEY_PASSPHRASE}); empty for an unprotected key
 * @param previousKeys  public key files of earlier signing keys ({@code OFFERFLOW_SIGNING_PREVIOUS_KEYS},
 *                      comma-separated), published next to the current key so that what they signed stays valid
 */
@ConfigurationProperties("offerflow.signing")
public record SigningSettings(Path keyFile, String keyPassphrase, @DefaultValue List<Path> previousKeys) {

    public SigningSettings {
        keyFile = keyFile == null || keyFile.toString().isBlank() ? null : keyFile;
        keyPassphrase = keyPassphrase == null ? "" : keyPassphrase;
        previousKeys = previousKeys == null ? List.of()
                : previousKeys.stream().filter(path -> !path.toString().isBlank()).toList();
    }

    char[] passphrase() {
        return keyPassphrase.toCharArray();
    }

    @Override
    public String toString() {
        return "SigningSettings[keyFile=" + keyFile + ", keyPassphrase=" + (keyPassphrase.isEmpty() ? "" : "***")
                + ", previousKeys=" + previousKeys + "]";
    }
}
