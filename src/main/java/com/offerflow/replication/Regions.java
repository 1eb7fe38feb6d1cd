package com.offerflow.replication;

import com.offerflow.offer.MarketplaceRegions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Optional;

/**
 * The marketplace's production regions ({@code offerflow.replication.regions}): a plan is sold in some of them, and
 * a publication replicates its package to every region a plan names.
 */
@Validated
@ConfigurationProperties("offerflow.replication")
public record Regions(@NotEmpty List<@Valid Region> regions) implements MarketplaceRegions {

    @Override
    public boolean contains(String regionId) {
        return find(regionId).isPresent();
    }

    public Optional<Region> find(String regionId) {
        return regions.stream().filter(region -> region.id().equals(regionId)).findFirst();
    }

    public List<String> ids() {
        return regions.stream().map(Region::id).toList();
    }

    /**
     * A production region. Its copy of each package is an OCI image layout under
     * {@code <data-dir>/regions/<id>}.
     */
    public record Region(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String id, @NotBlank String name) {
    }
}
