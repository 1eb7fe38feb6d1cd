package com.offerflow.storage;

import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciArchive;
import com.offerflow.image.registry.RegistryClient;
import com.offerflow.image.registry.RegistryImageSource;
import com.offerflow.image.registry.RegistryReference;
import com.offerflow.network.PublicAddresses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Opens a publication's image wherever it is: an uploaded archive in the image store, or a registry image, pulled
 * anonymously. Registries are contacted only as {@link RegistrySettings} allow (https and public addresses unless
 * configured otherwise); the same rules apply in the app and in separate scan worker processes. The marketplace's
 * own ingestion registry ({@link IngestionRegistry}) is the exception: it is the operator's, and Offerflow pulls
 * from it with its own tokens.
 */
@Component
public class ImageSources {

    private final DataDirectory data;
    private final RegistrySettings settings;
    private final RegistryClient registries;
    private final URI ingestionBase;
    private final RegistryClient ingestion;
    private final IngestionRegistry ingestionRegistry;

    public ImageSources(DataDirectory data, RegistrySettings settings) {
        this(data, settings, null);
    }

    /**
     * @param ingestionRegistry the marketplace's ingestion registry, pulled from with Offerflow's own tokens and
     *                          without the settings' refusals; null when there is none (a scan worker process)
     */
    @Autowired
    public ImageSources(DataDirectory data, RegistrySettings settings, IngestionRegistry ingestionRegistry) {
        this.data = data;
        this.settings = settings;
        this.ingestionRegistry = ingestionRegistry;
        this.ingestionBase = ingestionRegistry == null ? null : ingestionRegistry.base().orElse(null);
        this.ingestion = ingestionBase == null ? null : new RegistryClient(null, settings.registryTimeout(),
                32L * 1024 * 1024, uri -> {
                    if (!ingestionBase.getRawAuthority().equals(uri.getRawAuthority())) {
                        throw new RegistryRefusedException(RegistryRefusedException.Reason.PRIVATE,
                                "the ingestion registry sent us to " + uri.getHost() + ", which is not contacted");
                    }
                }, ingestionRegistry::pullToken);
        // redirects (blob storage) and token endpoints a registry names meet the same rules as the registry
        this.registries = new RegistryClient(null, settings.registryTimeout(), 32L * 1024 * 1024, uri -> {
            Optional<RegistryRefusedException> refused = refusal(uri);
            if (refused.isPresent()) {
                throw refused.get();
            }
        });
    }

    /**
     * Opens the image.
     *
     * @throws IOException           when it cannot be read now (the archive vanished), or the registry is refused
     *                               ({@link RegistryRefusedException})
     * @throws InvalidImageException when the archive is not an OCI image layout
     */
    public ImageSource open(PublicationImage image, ImageLimits limits) throws IOException, InvalidImageException {
        if (image.fromRegistry()) {
            return openRegistry(image.pinned(), limits);
        }
        return OciArchive.open(ImageArchives.path(data, image.archive()), limits);
    }

    /**
     * A registry image, read lazily (nothing is requested before the first read).
     *
     * @throws RegistryRefusedException when the settings do not allow contacting the registry
     */
    public RegistryImageSource openRegistry(RegistryReference reference, ImageLimits limits)
            throws RegistryRefusedException {
        if (isIngestion(reference)) {
            return ingestion.open(reference, limits);
        }
        Optional<RegistryRefusedException> refused = refusal(reference);
        if (refused.isPresent()) {
            throw refused.get();
        }
        return registries.open(reference, limits);
    }

    /** Why the registry is not contacted, if it is not: plain HTTP, or a loopback, private or link-local address. */
    public Optional<RegistryRefusedException> refusal(RegistryReference reference) {
        return isIngestion(reference) ? Optional.empty() : refusal(reference.base());
    }

    /**
     * The publisher organisation whose ingestion namespace the image is in; empty when it is not in the ingestion
     * registry or in no organisation's namespace there.
     */
    public Optional<String> ingestionOrganisation(RegistryReference reference) {
        return isIngestion(reference) ? ingestionRegistry.organisation(reference.repository()) : Optional.empty();
    }

    /** Whether the image is in the marketplace's own ingestion registry. */
    public boolean isIngestion(RegistryReference reference) {
        return ingestionBase != null && ingestionBase.equals(reference.base());
    }

    /** The same rules for any address a registry sends us to. */
    private Optional<RegistryRefusedException> refusal(java.net.URI uri) {
        String host = uri.getHost();
        if (!"https".equals(uri.getScheme()) && !settings.allowInsecureRegistries()) {
            return Optional.of(new RegistryRefusedException(RegistryRefusedException.Reason.INSECURE,
                    "the registry " + uri + " is plain HTTP, which is not contacted: images are pulled"
                            + " over https only"));
        }
        if (host == null) {
            return Optional.of(new RegistryRefusedException(RegistryRefusedException.Reason.UNKNOWN_HOST,
                    "the address " + uri + " names no host"));
        }
        if (settings.allowPrivateRegistries()) {
            return Optional.empty();
        }
        return switch (PublicAddresses.of(host)) {
            case PUBLIC -> Optional.empty();
            case PRIVATE -> Optional.of(new RegistryRefusedException(RegistryRefusedException.Reason.PRIVATE,
                    "the registry's host " + host + " is a private or local address, which is not contacted"));
            case UNKNOWN_HOST -> Optional.of(new RegistryRefusedException(RegistryRefusedException.Reason.UNKNOWN_HOST,
                    "the registry's host " + host + " does not resolve"));
        };
    }

    /** The registry is not contacted: the settings refuse it, or its host does not resolve. */
    public static class RegistryRefusedException extends IOException {

        /** Why. */
        public enum Reason { INSECURE, PRIVATE, UNKNOWN_HOST }

        private final Reason reason;

        RegistryRefusedException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
