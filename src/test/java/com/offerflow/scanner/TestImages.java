package com.offerflow.scanner;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageConfig;
import com.offerflow.image.ImageJson;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageManifest;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.image.OciLayout;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Images for the scanner tests: a clean Debian-like image to start from, and raw hostile layouts. */
final class TestImages {

    static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\n"
            + "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
            + "app:x:1000:1000:app:/home/app:/bin/sh\n"
            + "toor:x:0:0:sneaky:/root:/bin/sh\n";

    static final String OS_RELEASE = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
            + "VERSION_ID=\"12\"\nID=debian\n";

    static final String DPKG_STATUS = """
            Package: libssl3
            Status: install ok installed
            Priority: optional
            Section: libs
            Installed-Size: 6177
            Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>
            Architecture: amd64
            Multi-Arch: same
            Source: openssl
            Version: 3.0.11-1~deb12u2
            Depends: libc6 (>= 2.34)
            Description: Secure Sockets Layer toolkit - shared libraries
             This package is part of the OpenSSL project's implementation of the SSL and TLS
             cryptographic protocols for secure communication over the Internet.

            Package: bash
            Status: install ok installed
            Architecture: amd64
            Version: 5.2.15-2+b2
            Source: bash (5.2.15-2)
            Description: GNU Bourne Again SHell

            Package: removed-package
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1
            Description: gone

            """;

    static final Map<String, String> LABELS = Map.of("name", "hello", "vendor", "Contoso",
            "version", "1.0", "summary", "Says hello", "description", "A friendly image that says hello",
            "licenses", "Apache-2.0");

    private TestImages() {
    }

    /** An image that passes every check: non-root user, labels, license, Debian packages, nothing bad. */
    static OciImageBuilder clean() {
        return OciImageBuilder.image()
                .user("1000:1000")
                .labels(LABELS)
                .workingDir("/app")
                .layer(l -> l.dir("etc").file("etc/passwd", PASSWD).file("etc/os-release", OS_RELEASE)
                        .dir("var/lib/dpkg").file("var/lib/dpkg/status", DPKG_STATUS)
                        .dir("usr/bin").file("usr/bin/hello", "#!/bin/sh\necho hello\n", 0755))
                .layer(l -> l.dir("app").file("app/config.json", "{\"greeting\":\"hello\"}")
                        .dir("licenses").file("licenses/LICENSE", "Apache License 2.0\n"))
                .tag("1.0");
    }

    /** Plain tar bytes of the given entries (names kept verbatim). */
    static byte[] tar(TarEntry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarEntry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name, e.type, true);
                if (e.link != null) {
                    entry.setLinkName(e.link);
                }
                entry.setSize(e.content.length);
                tar.putArchiveEntry(entry);
                tar.write(e.content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    record TarEntry(String name, byte type, String link, byte[] content) {
        static TarEntry file(String name, String content) {
            return new TarEntry(name, TarArchiveEntry.LF_NORMAL, null, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** One layer blob as stored, its media type and the diff_id the config states. */
    record RawLayer(byte[] blob, String mediaType, Digest diffId, long declaredSize) {
        static RawLayer gzipOf(byte[] tar) throws IOException {
            byte[] gz = gzip(tar);
            return new RawLayer(gz, MediaTypes.OCI_LAYER_GZIP, Digest.of(tar), gz.length);
        }

        static RawLayer zstdOf(byte[] tar) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream zstd = new com.github.luben.zstd.ZstdOutputStreamNoFinalizer(out, 3).setChecksum(true)) {
                zstd.write(tar);
            }
            return new RawLayer(out.toByteArray(), MediaTypes.OCI_LAYER_ZSTD, Digest.of(tar), out.size());
        }

        static RawLayer plain(byte[] tar) {
            return new RawLayer(tar, MediaTypes.OCI_LAYER, Digest.of(tar), tar.length);
        }

        RawLayer withBlob(byte[] other) {
            return new RawLayer(other, mediaType, diffId, other.length);
        }
    }

    /**
     * Writes a layout with exactly these layer blobs (stored under the digest of their bytes, so the descriptor
     * matches unless {@code declaredSize} says otherwise), a clean config and a manifest.
     */
    static OciLayout rawLayout(Path dir, List<RawLayer> layers) throws IOException {
        OciLayout layout = OciLayout.create(dir);
        List<Descriptor> descriptors = new ArrayList<>();
        List<Digest> diffIds = new ArrayList<>();
        for (RawLayer l : layers) {
            Descriptor stored = layout.putBlob(l.mediaType, l.blob);
            descriptors.add(Descriptor.of(l.mediaType, stored.digest(), l.declaredSize));
            diffIds.add(l.diffId);
        }
        ImageConfig config = new ImageConfig(null, null, "amd64", "linux", null,
                new ImageConfig.Config("1000", null, null, null, null, LABELS, null, null),
                new ImageConfig.RootFs("layers", diffIds), null);
        Descriptor configDescriptor = layout.putBlob(MediaTypes.OCI_CONFIG, ImageJson.write(config));
        return writeManifest(layout, configDescriptor, descriptors);
    }

    static OciLayout writeManifest(OciLayout layout, Descriptor config, List<Descriptor> layers) throws IOException {
        ImageManifest manifest = new ImageManifest(2, MediaTypes.OCI_MANIFEST, config, layers, null);
        Descriptor m = layout.putBlob(MediaTypes.OCI_MANIFEST, ImageJson.write(manifest));
        layout.putManifest(m, "hostile");
        return OciLayout.open(layout.dir(), ImageLimits.defaults());
    }
}
