package com.offerflow.demo;

import com.offerflow.image.OciImageBuilder;

/**
 * The sample offer's image ({@link SampleOffer#IMAGE_RESOURCE}), built: the tests publish it and variations of it.
 * {@code SampleImageTest} checks that the resource the demo ships is this image.
 */
public final class SampleImage {

    private SampleImage() {
    }

    /** The sample image, tagged {@value SampleOffer#VERSION} and {@code latest}. */
    public static OciImageBuilder image() {
        return OciImageBuilder.image()
                .platform("linux", "amd64")
                .user("1000:1000")
                .label("name", "contoso-web")
                .label("vendor", "Contoso")
                .label("version", SampleOffer.VERSION)
                .label("release", "1")
                .label("summary", "Contoso Web Server")
                .label("description", "A hardened web server for static sites")
                .label("licenses", "MIT")
                .label("org.opencontainers.image.title", "contoso-web")
                .label("org.opencontainers.image.vendor", "Contoso")
                .label("org.opencontainers.image.version", SampleOffer.VERSION)
                .label("org.opencontainers.image.description", "A hardened web server for static sites")
                .label("org.opencontainers.image.licenses", "MIT")
                .entrypoint("/usr/bin/contoso-web")
                .layer(layer -> layer
                        .createdBy("base system")
                        .dir("etc")
                        .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/sbin/nologin\n")
                        .file("etc/group", "root:x:0:\napp:x:1000:\n")
                        .dir("var/lib/dpkg")
                        .file("var/lib/dpkg/status", """
                                Package: base-files
                                Status: install ok installed
                                Architecture: amd64
                                Version: 12.4+deb12u5

                                Package: zlib1g
                                Status: install ok installed
                                Architecture: amd64
                                Source: zlib
                                Version: 1:1.2.13.dfsg-1

                                """))
                .layer(layer -> layer
                        .createdBy("contoso-web " + SampleOffer.VERSION)
                        .file("usr/bin/contoso-web", "#!/bin/sh\necho 'Contoso Web Server'\n", 0755)
                        .file("usr/share/contoso-web/index.html", "<h1>Contoso</h1>\n")
                        .file("licenses/LICENSE", "MIT License\n\nCopyright (c) Contoso\n"))
                .tag(SampleOffer.VERSION)
                .tag("latest");
    }
}
