package com.offerflow.signing;

import com.offerflow.support.Commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throw-away GnuPG home (Debian packages {@code gnupg} and {@code skopeo}) for running the real clients as a
 * customer would: {@code gpg --import} of the published keys, then {@code skopeo standalone-verify}, which checks a
 * signature with gpgme against the keys of {@code $GNUPGHOME}. {@link #close()} stops the agent gpg may have started.
 */
public final class GnuPg implements AutoCloseable {

    private final Path home;

    private GnuPg(Path home) {
        this.home = home;
    }

    /** A new, empty GnuPG home under {@code parent}. */
    public static GnuPg in(Path parent) throws IOException {
        Commands.assertInstalled("/usr/bin/gpg", "gnupg");
        Commands.assertInstalled("/usr/bin/skopeo", "skopeo");
        // gpg wants its home private; a short name keeps the agent's socket path short
        Path home = Files.createTempDirectory(parent, "gpg", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        return new GnuPg(home);
    }

    public Path home() {
        return home;
    }

    /** Imports a key file (armoured or binary), as a customer imports the downloaded keyring. */
    public void importKeys(Path keyFile) throws IOException, InterruptedException {
        Result result = run("gpg", "--batch", "--import", keyFile.toString());
        assertThat(result.exitCode()).as("gpg --import:\n" + result.output()).isZero();
    }

    /** {@code skopeo standalone-verify MANIFEST REFERENCE FINGERPRINT SIGNATURE} with this home's keys. */
    public Result standaloneVerify(Path manifest, String reference, String fingerprint, Path signature)
            throws IOException, InterruptedException {
        return run("skopeo", "standalone-verify", manifest.toString(), reference, fingerprint, signature.toString());
    }

    /** Runs a command with {@code GNUPGHOME} set to this home; a non-zero exit is a result, not a failure. */
    public Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finishes").isTrue();
        return new Result(process.exitValue(), output);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("gpgconf", "--kill", "all");
    }

    /** What a command printed (standard output and error together) and its exit code. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }
}
