package com.offerflow.scanner;

import com.offerflow.scanner.facts.FlaggedFile;

/** A file of a layer with malware or a secret, before the end of the pass tells what later layers did to it. */
record Flagged(FlaggedFile.Kind kind, int layerScanIndex, String path, String detail) {
}
