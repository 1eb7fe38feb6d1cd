package com.offerflow.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An OS package installed in the image: name and version as the package database states them, the ecosystem in
 * OSV's terms ({@code Debian}, {@code Alpine}), the release ({@code 12}, {@code v3.20}) when /etc/os-release tells,
 * and the source package (Debian {@code Source}, apk origin) that advisories name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageInfo(String name, String version, String ecosystem, String release, String source,
                          String sourceVersion) {
}
