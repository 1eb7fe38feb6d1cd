package com.offerflow.offer;

import java.util.Optional;

/**
 * Where offers find their live version. Implemented by the catalog, which owns what is live; offers only read it
 * (to show it, to compare a draft with it, and to keep what cannot change once live).
 */
public interface LiveVersions {

    Optional<LiveVersion> find(String offerId);
}
