/**
 * The scanner's report, open to the other modules as the scanner's named interface {@code report}. Plain Java: the
 * annotation below is metadata for the module check, nothing runs it.
 */
@NamedInterface("report")
package com.offerflow.scanner.report;

import org.springframework.modulith.NamedInterface;
