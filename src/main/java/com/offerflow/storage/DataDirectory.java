package com.offerflow.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Offerflow keeps its files ({@code offerflow.data-dir}, default {@code ./data}): the H2 database
 * ({@code db/}), uploaded images ({@code images/}), staged packages ({@code staging/}), the regions' copies
 * ({@code regions/}) and temporary files ({@code tmp/}).
 */
@ConfigurationProperties("offerflow")
public record DataDirectory(@DefaultValue("./data") Path dataDir) {

    /** A folder under the data directory, created if missing. */
    public Path folder(String name) {
        Path folder = dataDir.resolve(name).toAbsolutePath().normalize();
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    /** A fresh temporary file under {@code tmp/}, on the same file system as the stores so a move is atomic. */
    public Path newTempFile(String prefix) {
        try {
            return Files.createTempFile(folder("tmp"), prefix, ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file", e);
        }
    }
}
