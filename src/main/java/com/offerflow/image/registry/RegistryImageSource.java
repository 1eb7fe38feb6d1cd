package com.offerflow.image.registry;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageIndex;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.MediaTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An image in a registry, read through the distribution API. {@link #index()} is a synthetic index listing the
 * referenced manifest (or image index) with the tag as its ref name, so registry images and archives look alike to
 * the scanner and the copier. Manifests are read with the size limit and cached; blobs are streamed.
 */
public final class RegistryImageSource implements ImageSource {

    private final RegistryClient client;
    private final RegistryReference reference;
    private final ImageLimits limits;
    private final Map<Digest, byte[]> manifests = new ConcurrentHashMap<>();
    private volatile ImageIndex index;

    RegistryImageSource(RegistryClient client, RegistryReference reference, ImageLimits limits) {
        this.client = client;
        this.reference = reference;
        this.limits = limits;
    }

    @Override
    public ImageIndex index() throws IOException, InvalidImageException {
        ImageIndex current = index;
        if (current == null) {
            RegistryClient.Manifest m = client.getManifest(reference, reference.reference(),
                    limits.maxManifestBytes());
            manifests.put(m.digest(), m.bytes());
            Descriptor d = Descriptor.of(m.mediaType(), m.digest(), m.bytes().length);
            if (reference.tag() != null) {
                d = d.withAnnotation(Descriptor.REF_NAME, reference.tag());
            }
            current = ImageIndex.of(List.of(d));
            index = current;
        }
        return current;
    }

    /** The descriptor of the referenced manifest or index. */
    public Descriptor top() throws IOException, InvalidImageException {
        return index().manifests().get(0);
    }

    @Override
    public InputStream openBlob(Descriptor descriptor) throws IOException, InvalidImageException {
        if (MediaTypes.isIndex(descriptor.mediaType()) || MediaTypes.isManifest(descriptor.mediaType())) {
            byte[] cached = manifests.get(descriptor.digest());
            if (cached == null) {
                cached = client.getManifest(reference, descriptor.digest().toString(),
                        limits.maxManifestBytes()).bytes();
                manifests.put(descriptor.digest(), cached);
            }
            return new ByteArrayInputStream(cached);
        }
        return client.getBlob(reference, descriptor);
    }

    @Override
    public String reference() {
        return reference.toString();
    }

    @Override
    public ImageLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        manifests.clear();
    }
}
