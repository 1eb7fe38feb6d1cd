package com.offerflow.scanner;

/** A malware or secret finding in a file of a layer, before the report says whether a later layer deleted it. */
record Flagged(Check check, boolean blocking, int layerScanIndex, String path, String detail) {
}
