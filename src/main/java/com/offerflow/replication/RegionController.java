package com.offerflow.replication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/regions}: the marketplace's regions, where plans can be sold. Public. */
@RestController
class RegionController {

    private final Regions regions;

    RegionController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/api/regions")
    List<Regions.Region> regions() {
        return regions.regions();
    }
}
