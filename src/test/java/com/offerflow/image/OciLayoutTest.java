package com.offerflow.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OciLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void createsAnEmptyLayout() throws Exception {
        OciLayout layout = OciLayout.create(tmp.resolve("store"));
        assertThat(Files.readString(tmp.resolve("store/oci-layout"))).contains("\"imageLayoutVersion\":\"1.0.0\"");
        assertThat(layout.index().manifests()).isEmpty();
        assertThat(OciLayout.create(tmp.resolve("store")).index().manifests()).isEmpty();
    }

    @Test
    void storesAVerifiedBlobOnceAndLeavesNoTemporaryFiles() throws Exception {
        OciLayout layout = OciLayout.create(tmp);
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        Descriptor d = Descriptor.of("application/octet-stream", content);
        layout.putBlob(d, new ByteArrayInputStream(content));
        assertThat(layout.hasBlob(d.digest())).isTrue();
        assertThat(Files.readAllBytes(layout.blobPath(d.digest()))).isEqualTo(content);
        InputStream notRead = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("an existing blob is not read again");
            }
        };
        layout.putBlob(d, notRead);
        try (var files = Files.list(tmp.resolve("blobs/sha256"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void refusesBytesThatDoNotMatchTheirDescriptor() throws Exception {
        OciLayout layout = OciLayout.create(tmp);
        Descriptor d = Descriptor.of("application/octet-stream", "hello".getBytes());
        assertThatThrownBy(() -> layout.putBlob(d, new ByteArrayInputStream("HELLO".getBytes())))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining("digest");
        assertThatThrownBy(() -> layout.putBlob(d, new ByteArrayInputStream("hell".getBytes())))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> layout.putBlob(d, new ByteArrayInputStream("hello!".getBytes())))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining("longer");
        assertThat(layout.hasBlob(d.digest())).isFalse();
        try (var files = Files.list(tmp.resolve("blobs/sha256"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void replacesTheEntryOfTheSameTag() throws Exception {
        OciLayout layout = OciLayout.create(tmp);
        Descriptor one = layout.putBlob(MediaTypes.OCI_MANIFEST, "{\"one\":1}".getBytes());
        Descriptor two = layout.putBlob(MediaTypes.OCI_MANIFEST, "{\"two\":2}".getBytes());
        layout.putManifest(one, "1.0");
        layout.putManifest(one, "latest");
        layout.putManifest(two, "latest");
        assertThat(layout.index().manifests()).extracting(Descriptor::refName).containsExactly("1.0", "latest");
        assertThat(layout.index().manifests().get(1).digest()).isEqualTo(two.digest());
        assertThat(layout.removeManifest("1.0")).isTrue();
        assertThat(layout.index().refNames()).containsExactly("latest");
    }

    @Test
    void refusesToListAManifestWhoseBlobIsMissing() throws Exception {
        OciLayout layout = OciLayout.create(tmp);
        Descriptor missing = Descriptor.of(MediaTypes.OCI_MANIFEST, "{}".getBytes());
        assertThatThrownBy(() -> layout.putManifest(missing, "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reportsAMissingBlobAsAnImageProblem() throws Exception {
        OciLayout layout = OciLayout.create(tmp);
        assertThatThrownBy(() -> layout.openBlob(Descriptor.of("x", new byte[3])))
                .isInstanceOf(InvalidImageException.class)
                .extracting(e -> ((InvalidImageException) e).code()).isEqualTo("missing-blob");
    }
}
