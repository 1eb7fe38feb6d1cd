package com.offerflow.distribution;

import com.offerflow.image.Digest;
import com.offerflow.support.Commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * skopeo (Debian's 1.9.3) as customers and publishers use it, against plain-HTTP registries on loopback, with no
 * credentials but the ones given (an empty auth file, so nothing of the machine's is used).
 */
final class Skopeo {

    private final Path work;

    Skopeo(Path work) throws IOException {
        Commands.assertInstalled("/usr/bin/skopeo", "skopeo");
        this.work = Files.createDirectories(work);
        Files.writeString(work.resolve("auth.json"), "{}");
    }

    /** What skopeo printed and how it exited. */
    record Result(int exit, String output) {

        boolean ok() {
            return exit == 0;
        }

        @Override
        public String toString() {
            return "exit " + exit + ": " + output;
        }
    }

    /**
     * Pulls {@code reference} ({@code host:port/name:tag}) into a {@code dir:} copy and returns the result; the
     * pulled manifest is {@code manifest.json} there. {@code user} null: anonymous; the password is the user's name
     * (the demo users').
     */
    Result pull(String reference, String user) throws IOException, InterruptedException {
        Path target = Files.createTempDirectory(work, "pull-");
        List<String> command = new ArrayList<>(List.of("skopeo", "copy", "--src-tls-verify=false",
                "--src-authfile", work.resolve("auth.json").toString()));
        command.addAll(user == null ? List.of("--src-no-creds") : List.of("--src-creds", user + ":" + user));
        command.addAll(List.of("docker://" + reference, "dir:" + target));
        Result result = run(command);
        return result.ok() ? new Result(0, target.toString()) : result;
    }

    /** Pulls and returns the digest of the pulled manifest, failing the test when the pull fails. */
    Digest pullDigest(String reference, String user) throws IOException, InterruptedException {
        Result result = pull(reference, user);
        assertThat(result.ok()).as("skopeo pulls " + reference + " as " + user + ": " + result).isTrue();
        return Digest.of(Files.readAllBytes(Path.of(result.output()).resolve("manifest.json")));
    }

    /** Pulls with a bearer token of the caller's own making (forged, expired...). */
    Result pullWithToken(String reference, String token) throws IOException, InterruptedException {
        Path target = Files.createTempDirectory(work, "pull-");
        return run(List.of("skopeo", "copy", "--src-tls-verify=false", "--src-authfile",
                work.resolve("auth.json").toString(), "--src-registry-token", token, "docker://" + reference,
                "dir:" + target));
    }

    /** Pushes an oci-archive's tag to {@code reference} with {@code user}'s credentials. */
    Result push(Path archive, String tag, String reference, String user) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("skopeo", "copy", "--dest-tls-verify=false",
                "--dest-authfile", work.resolve("auth.json").toString()));
        command.addAll(user == null ? List.of("--dest-no-creds") : List.of("--dest-creds", user + ":" + user));
        command.addAll(List.of("oci-archive:" + archive + ":" + tag, "docker://" + reference));
        return run(command);
    }

    Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command) + " finishes").isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
