/**
 * The scanner's advisories, open to the other modules as the scanner's named interface {@code advisories}. Plain Java: the
 * annotation below is metadata for the module check, nothing runs it.
 */
@NamedInterface("advisories")
package com.offerflow.scanner.advisories;

import org.springframework.modulith.NamedInterface;
