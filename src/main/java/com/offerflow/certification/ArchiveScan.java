package com.offerflow.certification;

import com.offerflow.certification.scan.Check;
import com.offerflow.certification.scan.ImageScanner;
import com.offerflow.certification.scan.ScanProgressListener;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciArchive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One scan of an uploaded oci-archive, the same in the app's worker and in a separate worker process: an archive
 * that cannot even be opened as an OCI layout is a failed {@code image-structure} check, not an exception.
 */
public final class ArchiveScan {

    private ArchiveScan() {
    }

    /**
     * Scans the archive; the report names the image as {@code uploaded image sha256:...}, never by its path on the
     * server, since publishers read it.
     *
     * @throws IOException when the archive cannot be read at all (it vanished): a technical failure, retried
     */
    public static CertificationReport scan(ImageScanner scanner, Path archive, Digest digest,
            ScanProgressListener progress) throws IOException {
        CertificationReport report;
        try (OciArchive image = OciArchive.open(archive, ImageLimits.defaults())) {
            report = scanner.scan(image, progress);
        } catch (InvalidImageException e) {
            report = unreadable(e);
        }
        return named(report, "uploaded image " + digest);
    }

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
        Check check = Check.IMAGE_STRUCTURE;
        CheckResult failed = new CheckResult(check.id(), check.description(), check.help(), check.suggestion(),
                List.of(Evidence.of(e.getMessage() + " (" + e.code() + ")")));
        return new CertificationReport(CertificationReport.Outcome.FAILED, null, List.of(), List.of(failed),
                List.of(), List.of(), List.of(), List.of(), Instant.now(), 0, 0);
    }
}
