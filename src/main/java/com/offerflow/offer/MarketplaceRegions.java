package com.offerflow.offer;

/**
 * The marketplace's regions, where plans are sold ({@link KnownRegion}). Configured with replication, which copies
 * every package to them ({@code offerflow.replication.regions}); offers only ask which exist.
 */
public interface MarketplaceRegions {

    boolean contains(String regionId);
}
