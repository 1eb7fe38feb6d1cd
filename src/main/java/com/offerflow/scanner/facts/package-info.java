/**
 * What one scan learned about an image, as immutable values: the scanner's single streaming pass collects them
 * ({@code com.offerflow.scanner.ImagePass}), the checks ({@code com.offerflow.scanner.checks}) judge them. A fact
 * says what is there ("this entry's name starts with /", "this layer's sha256 is …"); whether that passes, warns
 * or fails, and how the report words it, is the checks' business.
 */
package com.offerflow.scanner.facts;
