package com.offerflow.distribution;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How Offerflow distributes packages ({@code offerflow.distribution.*}): the embedded registry on the app's own port,
 * the registry token service, and the external OCI registries that can take the place of the embedded stores.
 *
 * @param publicUrl        how customers reach the app (the embedded registry's host in pull references, and the
 *                         token realm); unset: the host of the request that asks
 * @param service          the embedded registry's token {@code service} name (the {@code aud} of its tokens)
 * @param issuer           the tokens' {@code iss}: what external registries configure as {@code auth.token.issuer}
 * @param tokenLifetime    how long a token is valid
 * @param tokenKey         the token signing key (PEM, PKCS#8 EC P-256); with {@code tokenCertificate}. Both unset:
 *                         a key and a self-signed certificate are made at first start under the data folder
 *                         ({@code distribution/}); the production profile refuses to start without them
 * @param tokenCertificate the signing key's certificate (PEM), carried in each token's {@code x5c} header and
 *                         published at {@code /auth/certificate.pem} for registries' {@code rootcertbundle}
 * @param regions          regions served by an external registry instead of the embedded store, by region id
 * @param ingestion        the registry publishers push their images to (optional)
 * @param preview          an external registry for previews (optional; unset: the embedded registry serves them from
 *                         staging): packaging pushes each package there, so the preview needs no shared folder
 */
@ConfigurationProperties("offerflow.distribution")
public record DistributionSettings(
        URI publicUrl,
        @DefaultValue("offerflow") String service,
        @DefaultValue("offerflow") String issuer,
        @DefaultValue("PT5M") Duration tokenLifetime,
        Path tokenKey,
        Path tokenCertificate,
        Map<String, ExternalRegistry> regions,
        ExternalRegistry ingestion,
        ExternalRegistry preview) {

    public DistributionSettings {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /**
     * An OCI registry whose token service is Offerflow ({@code auth: token} with {@code realm} pointing at
     * {@code /auth/token}, {@code service} as here, {@code issuer} as {@link #issuer()}).
     *
     * @param url     {@code http(s)://host[:port]} with an optional path: the prefix of every repository there
     *                (e.g. {@code https://registry.example/westeurope} for several regions on one registry)
     * @param service the registry's {@code auth.token.service}
     */
    public record ExternalRegistry(URI url, String service) {
    }
}
