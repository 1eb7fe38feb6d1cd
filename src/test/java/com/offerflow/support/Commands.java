package com.offerflow.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real tools the tests compare against (skopeo): within a minute, successfully, or the test fails. */
public final class Commands {

    private Commands() {
    }

    /** Fails (never skips) when the program is missing, with the command that installs it. */
    public static void assertInstalled(String program, String debianPackage) {
        assertThat(java.nio.file.Path.of(program))
                .as(program + " is missing: install it with 'apt-get install -y " + debianPackage + "'").exists();
    }

    /** Runs the command and returns what it printed (standard output and error). */
    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finishes").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
