package com.offerflow.scanner;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageConfig;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.Platform;
import com.offerflow.image.PlatformManifest;
import com.offerflow.scanner.facts.ContentFacts;
import com.offerflow.scanner.facts.FlaggedFile;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.LayerFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.facts.ReadProblem;
import com.offerflow.scanner.report.PackageInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The single streaming pass over one image: reads the index, manifests and configs, then every layer once (each
 * only once, however many manifests list it), and collects the facts the checks judge. It judges nothing itself.
 * With {@link ScanSettings#parallel()} each layer is decompressed on the calling thread and everything else is done
 * on one helper thread, which {@link #close()} ends.
 */
final class ImagePass implements AutoCloseable {

    static final String TOO_LARGE = "the image is larger than the limit, so its layers were not read";

    private final ImageSource source;
    private final ScanSettings settings;
    private final HashSignatures signatures;
    private final SecretDetector secrets;
    private final ScanProgressListener listener;

    private final List<ReadProblem> readProblems = new ArrayList<>();
    private final Map<Digest, ImageConfig> configs = new HashMap<>();
    private final Map<Digest, LayerRef> layers = new LinkedHashMap<>();
    /** The manifests with a readable config; null until the configs were read. */
    private List<PlatformManifest> manifests;
    private PlatformManifest primary;
    private long compressedTotal;
    private String layersNotRead;
    private LayerStreams.Progress progress;
    private ExecutorService executor;
    /** Set when every layer was read: the layers, what their content showed, the final file systems. */
    private Map<Digest, LayerFacts> layerFacts;
    private ContentFacts content;
    private Map<Digest, ManifestFacts> withFileSystems;
    private List<PackageInfo> packages = List.of();

    ImagePass(ImageSource source, ScanSettings settings, HashSignatures signatures, SecretDetector secrets,
              ScanProgressListener listener) {
        this.source = source;
        this.settings = settings;
        this.signatures = signatures;
        this.secrets = secrets;
        this.listener = listener;
    }

    /**
     * Reads the image.
     *
     * @throws LayerStreams.SourceIOException or another IOException when the source fails (not the image)
     */
    void run() throws IOException {
        List<PlatformManifest> all;
        try {
            all = source.manifests();
        } catch (InvalidImageException e) {
            readProblems.add(new ReadProblem(ReadProblem.Part.MANIFESTS, null, e.getMessage(), e.code()));
            return;
        }
        manifests = readConfigs(all);
        if (manifests.isEmpty()) {
            return;
        }
        Platform required = Platform.parse(settings.requiredPlatform());
        primary = manifests.stream().filter(pm -> required.matches(platformOf(pm))).findFirst()
                .orElse(manifests.get(0));
        for (PlatformManifest pm : manifests) {
            int index = 0;
            for (Descriptor layer : pm.manifest().layers()) {
                layers.putIfAbsent(layer.digest(), new LayerRef(layer, layers.size(), index));
                index++;
            }
        }
        compressedTotal = blobsTotal();
        progress = new LayerStreams.Progress(listener, layers.values().stream()
                .mapToLong(l -> l.descriptor().size()).sum(), settings.progressInterval().toNanos());
        if (compressedTotal > settings.maxImageBytes()) {
            layersNotRead = TOO_LARGE;
            return;
        }
        readLayers();
        progress.finish();
    }

    private List<PlatformManifest> readConfigs(List<PlatformManifest> all) throws IOException {
        List<PlatformManifest> usable = new ArrayList<>();
        for (PlatformManifest pm : all) {
            try {
                configs.put(pm.descriptor().digest(), source.config(pm.manifest().config()));
                usable.add(pm);
            } catch (InvalidImageException e) {
                readProblems.add(new ReadProblem(ReadProblem.Part.CONFIG, "config of manifest "
                        + pm.descriptor().digest().shortForm(), e.getMessage(), e.code()));
            }
        }
        return usable;
    }

    private Platform platformOf(PlatformManifest pm) {
        if (pm.platform() != null && pm.platform().os() != null) {
            return pm.platform();
        }
        ImageConfig c = configs.get(pm.descriptor().digest());
        return c == null ? null : c.platform();
    }

    /** The compressed size of all blobs, each counted once. */
    private long blobsTotal() {
        long total = 0;
        Set<Digest> seen = new HashSet<>();
        for (PlatformManifest pm : manifests) {
            if (seen.add(pm.descriptor().digest())) {
                total += pm.descriptor().size();
            }
            if (seen.add(pm.manifest().config().digest())) {
                total += pm.manifest().config().size();
            }
        }
        for (LayerRef l : layers.values()) {
            if (seen.add(l.descriptor().digest())) {
                total += l.descriptor().size();
            }
        }
        return total;
    }

    private void readLayers() throws IOException {
        Set<String> workDirs = new HashSet<>();
        for (ImageConfig c : configs.values()) {
            String wd = c.config().workingDir();
            if (wd != null && !wd.isBlank()) {
                workDirs.add(LayerInspector.PathInfo.of(wd).normalized());
            }
        }
        ClamdClient clamd = settings.clamd() == null ? null : new ClamdClient(settings.clamd());
        String clamdUnreachable = null;
        if (clamd != null) {
            try {
                clamd.ping();
            } catch (IOException e) {
                clamdUnreachable = String.valueOf(e.getMessage());
            }
        }
        ScanContext ctx = new ScanContext(settings, signatures, secrets, clamdUnreachable == null ? clamd : null,
                workDirs);
        if (settings.parallel()) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "image-scan-layer");
                t.setDaemon(true);
                return t;
            });
        }
        LayerReader reader = new LayerReader(source, ctx, progress, executor);
        Map<Digest, LayerFiles> files = new HashMap<>();
        Map<Digest, LayerFacts> read = new LinkedHashMap<>();
        for (LayerRef layer : layers.values()) {
            LayerFiles lf = new LayerFiles();
            files.put(layer.descriptor().digest(), lf);
            read.put(layer.descriptor().digest(), reader.read(layer, lf));
        }
        FileSystems fileSystems = new FileSystems(files);
        withFileSystems = new LinkedHashMap<>();
        Map<String, PackageInfo> inventory = new LinkedHashMap<>();
        for (PlatformManifest pm : primaryFirst()) {
            ManifestFacts m = manifestFacts(pm);
            m = m.withFileSystem(fileSystems.of(m.layers()));
            withFileSystems.put(m.digest(), m);
            m.fileSystem().packages().forEach(p ->
                    inventory.putIfAbsent(p.ecosystem() + "/" + p.name() + "/" + p.version(), p));
        }
        packages = List.copyOf(inventory.values());
        List<ManifestFacts> ordered = List.copyOf(withFileSystems.values());
        List<LayerRef> byScanIndex = List.copyOf(layers.values());
        List<FlaggedFile> flagged = new ArrayList<>();
        for (Flagged f : ctx.flagged) {
            LayerRef layer = byScanIndex.get(f.layerScanIndex());
            flagged.add(new FlaggedFile(f.kind(), layer.id(), f.path(), f.detail(),
                    fileSystems.later(ordered, layer.descriptor().digest(), f.path())));
        }
        content = new ContentFacts(ctx.pathIssues, ctx.unlistedPathIssues, flagged, ctx.flaggedDropped,
                signatures.problems(), clamd == null ? null
                : new ContentFacts.Clamd(clamd.address(), clamdUnreachable, ctx.clamdFailure));
        layerFacts = read;
    }

    private List<PlatformManifest> primaryFirst() {
        List<PlatformManifest> list = new ArrayList<>(manifests);
        list.remove(primary);
        list.add(0, primary);
        return list;
    }

    private ManifestFacts manifestFacts(PlatformManifest pm) {
        if (withFileSystems != null && withFileSystems.containsKey(pm.descriptor().digest())) {
            return withFileSystems.get(pm.descriptor().digest());
        }
        ImageConfig config = configs.get(pm.descriptor().digest());
        return new ManifestFacts(pm.descriptor().digest(), platformOf(pm), pm.tags(),
                pm.manifest().layers().stream().map(Descriptor::digest).toList(), config.rootfs().diffIds(),
                config.config().user(), config.config().labels(), pm.manifest().annotations(),
                pm.descriptor().annotations(), null);
    }

    /**
     * What the pass collected, as far as it got.
     *
     * @param failure the unexpected failure that ended the pass early (the exception's class); null when none
     */
    ImageFacts facts(String failure) {
        List<ManifestFacts> manifestFacts = manifests == null ? null
                : manifests.stream().map(this::manifestFacts).toList();
        ManifestFacts primaryFacts = primary == null ? null : manifestFacts(primary);
        boolean complete = layerFacts != null;
        return new ImageFacts(source.reference(), readProblems, manifestFacts, primaryFacts, compressedTotal,
                complete ? layerFacts : null, layersNotRead, complete ? content : null, packages, null, failure);
    }

    /** The compressed bytes read so far. */
    long bytesScanned() {
        return progress == null ? 0 : progress.done();
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
