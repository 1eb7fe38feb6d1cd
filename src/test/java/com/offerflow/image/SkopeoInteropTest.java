package com.offerflow.image;

import com.offerflow.support.Commands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static com.offerflow.support.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archives we write and read are the ones the real tools write and read: skopeo (Debian package
 * {@code skopeo}) inspects our archive and converts our layout to an oci-archive that we open. (That skopeo also
 * decompresses the layers we write is shown by {@code SkopeoCompressionsScanTest}, which re-compresses them.)
 */
class SkopeoInteropTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void skopeoIsInstalled() {
        Commands.assertInstalled("/usr/bin/skopeo", "skopeo");
    }

    @Test
    void skopeoReadsOurArchive() throws Exception {
        Path file = tmp.resolve("ours.tar");
        Descriptor manifest = OciImageBuilder.image().user("1000").layer(l -> l.file("hello", "hi")).tag("1.0")
                .writeArchive(file);
        String out = run("skopeo", "inspect", "--raw", "oci-archive:" + file + ":1.0");
        assertThat(Digest.of(out.getBytes(StandardCharsets.UTF_8))).isEqualTo(manifest.digest());
        String config = run("skopeo", "inspect", "--config", "oci-archive:" + file + ":1.0");
        assertThat(config).contains("\"User\": \"1000\"");
    }

    @Test
    void weReadTheArchiveSkopeoWrites() throws Exception {
        Path layout = tmp.resolve("layout");
        Descriptor manifest = OciImageBuilder.image().layer(l -> l.file("hello", "hi")).tag("1.0")
                .writeLayout(layout);
        Path file = tmp.resolve("skopeo.tar");
        run("skopeo", "copy", "oci:" + layout + ":1.0", "oci-archive:" + file + ":2.0");
        try (OciArchive archive = OciArchive.open(file, ImageLimits.defaults())) {
            assertThat(archive.tags()).containsExactly("2.0");
            assertThat(archive.manifests()).singleElement()
                    .satisfies(m -> assertThat(m.descriptor().digest()).isEqualTo(manifest.digest()));
        }
    }
}
