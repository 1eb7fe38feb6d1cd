package com.offerflow.certification;

import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.scanner.ImageScanner;
import com.offerflow.scanner.ScanProgressListener;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.ImageSummary;
import com.offerflow.storage.ImageSources;
import com.offerflow.storage.PublicationImage;

import java.io.IOException;

/**
 * One scan of a publication's image, the same in the app's worker and in a separate worker process, whatever the
 * scan task's {@code imageSource} names: an uploaded oci-archive, read from the image store, or a registry image
 * pinned by digest, streamed from the registry. An archive that cannot even be opened as an OCI layout is a failed
 * {@code image-structure} check, not an exception; so is a pinned manifest the registry no longer has.
 */
public final class ImageScan {

    private ImageScan() {
    }

    /**
     * @param imageSource the scan task's {@code imageSource}: {@code sha256:<hex>} or a pinned registry reference
     * @throws IOException when the image cannot be read now (the archive vanished, the registry is down or refused):
     *                     a technical failure, retried
     */
    public static CertificationReport scan(ImageScanner scanner, ImageSources sources, String imageSource,
            ScanProgressListener progress) throws IOException {
        PublicationImage image;
        try {
            image = PublicationImage.parse(imageSource);
        } catch (IllegalArgumentException e) {
            throw new IOException("The scan task names no image to scan (imageSource '" + imageSource + "')", e);
        }
        CertificationReport report;
        try (ImageSource source = sources.open(image, ImageLimits.defaults())) {
            report = scanner.scan(source, progress);
        } catch (InvalidImageException e) {
            report = unreadable(e);
        }
        return named(report, image.fromRegistry() ? image.pinned().toString() : "uploaded image " + image.archive());
    }

    /**
     * The report with the image named as publishers know it: {@code uploaded image sha256:...} (never by its path on
     * the server, since publishers read the report), or the pinned registry reference.
     */
    private static CertificationReport named(CertificationReport report, String reference) {
        ImageSummary image = report.image();
        ImageSummary renamed = image == null
                ? new ImageSummary(reference, null, null, null, 0, 0, 0, null, null)
                : new ImageSummary(reference, image.manifestDigest(), image.platforms(), image.tags(),
                        image.layerCount(), image.compressedSize(), image.uncompressedSize(), image.user(),
                        image.labels());
        return new CertificationReport(report.outcome(), renamed, report.passed(), report.failed(),
                report.warnings(), report.errors(), report.packages(), report.vulnerabilities(), report.scannedAt(),
                report.durationMillis(), report.bytesScanned());
    }

    static CertificationReport unreadable(InvalidImageException e) {
        return ImageScanner.unreadable(e.getMessage() + " (" + e.code() + ")");
    }
}
