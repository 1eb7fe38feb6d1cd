package com.offerflow.distribution.replication;

import com.offerflow.distribution.access.Endpoint;
import com.offerflow.distribution.access.RegistryEndpoints;
import com.offerflow.image.Descriptor;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciLayout;
import com.offerflow.packaging.PreviewPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The preview on an external registry ({@code offerflow.distribution.preview}): packaging pushes the staged package
 * there under the offer's repository and tags, with Offerflow's own tokens. Who may pull it, and until when, is the
 * token service's rule as on the embedded registry. Without a preview registry the embedded registry serves the
 * preview from staging and there is nothing to push.
 */
@Component
class RegistryPreview implements PreviewPublisher {

    private static final Logger log = LoggerFactory.getLogger(RegistryPreview.class);

    private final RegistryEndpoints endpoints;
    private final EndpointPushers pushers;

    RegistryPreview(RegistryEndpoints endpoints, EndpointPushers pushers) {
        this.endpoints = endpoints;
        this.pushers = pushers;
    }

    @Override
    public void publish(String publicationId, OciLayout staging, Map<String, Descriptor> tagged,
            String repositoryName) throws IOException, InvalidImageException {
        Endpoint preview = endpoints.preview();
        if (preview.embedded()) {
            return;
        }
        log.info("Publication {}: preview pushed to {}: {}", publicationId,
                EndpointPushers.target(preview, repositoryName),
                pushers.pushPackage(preview, staging, tagged, repositoryName, List.of()));
    }
}
