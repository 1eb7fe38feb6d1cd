package com.offerflow.certification;

import com.offerflow.certification.scan.Check;
import com.offerflow.certification.scan.ImageScanner;
import com.offerflow.certification.scan.ScanProgressListener;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.storage.ImageSources;
import com.offerflow.storage.PublicationImage;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

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
        try (ImageSource source = sources.open(image, ImageLimits.defaults())) {
            return scanner.scan(source, progress);
        } catch (InvalidImageException e) {
            return unreadable(e);
        }
    }

    static CertificationReport unreadable(InvalidImageException e) {
        Check check = Check.IMAGE_STRUCTURE;
        CheckResult failed = new CheckResult(check.id(), check.description(), check.help(), check.suggestion(),
                List.of(Evidence.of(e.getMessage() + " (" + e.code() + ")")));
        return new CertificationReport(CertificationReport.Outcome.FAILED, null, List.of(), List.of(failed),
                List.of(), List.of(), List.of(), List.of(), Instant.now(), 0, 0);
    }
}
