package com.offerflow.prerequisites;

import com.offerflow.offer.OfferDocument;

import java.util.Set;

/**
 * What a publication submits, as step 1 checks it beyond the offer's own fields: the uploaded image (null when none
 * was uploaded) with the tags its index names. Violations are reported with the offer's field paths.
 */
@TagInImage
record Submission(OfferDocument offer, @ImageRequired UploadedImage image) {

    /** An uploaded oci-archive and the tags of its index. */
    record UploadedImage(String digest, Set<String> tags) {
    }
}
