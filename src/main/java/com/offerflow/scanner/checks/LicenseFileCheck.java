package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.FileSystemFacts;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.Optional;

/** Every manifest's final file system has a license file. */
public final class LicenseFileCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.LICENSE_FILE;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (ManifestFacts m : facts.primaryFirst()) {
            String prefix = Evidences.platformPrefix(facts, m);
            FileSystemFacts fs = m.fileSystem();
            if (fs.licenseFile() != null) {
                v.passed(Evidence.path(fs.licenseFile(), prefix + "license file found"));
            } else {
                v.fail(Evidence.of(prefix + (fs.licenseFilesDeleted()
                        ? "the license files were deleted by a later layer"
                        : "no file in /licenses, /usr/share/licenses, nor a LICENSE or COPYING file at the root or "
                        + "in the working directory")));
            }
        }
        return Optional.of(v.build());
    }
}
