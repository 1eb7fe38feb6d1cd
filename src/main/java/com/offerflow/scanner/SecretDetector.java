package com.offerflow.scanner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in files. Searching every byte of an image with regular expressions would be slow, so only
 * candidate files are read, each up to a size limit: well-known credential files (.aws/credentials,
 * .docker/config.json, .npmrc, .netrc, .git-credentials, .pypirc, SSH keys, .env, ...) and key files (*.pem,
 * *.key) anywhere; configuration-like text files (json, yaml, ini, properties, conf, xml, toml, sh, txt) outside
 * the trees that package managers own (/usr/lib, /usr/share, /lib, site-packages, node_modules, ...); never in
 * documentation or test directories. In a candidate, each rule's pattern only runs when one of its literal
 * anchors occurs. Values are never copied into the report: only the kind of secret and a redacted prefix.
 */
final class SecretDetector {

    record Hit(String kind, String sample) {
    }

    /** A kind of secret: cheap literal anchors, then the pattern (only run when an anchor occurs). */
    private record Rule(String kind, List<String> anchors, Pattern pattern, int group) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private key", List.of("PRIVATE KEY-----"), Pattern.compile(
                    "-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----"), 1),
            new Rule("AWS access key ID", List.of("AKIA", "ASIA"),
                    Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b"), 1),
            new Rule("AWS secret access key", List.of("ccess_key", "CCESS_KEY", "ccess_Key"), Pattern.compile(
                    "(?i)aws_secret_access_key\\s*[=:]\\s*[\"']?([A-Za-z0-9/+=]{40})"), 1),
            new Rule("GitHub token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                    Pattern.compile("\\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36})\\b"), 1),
            new Rule("GitHub token", List.of("github_pat_"),
                    Pattern.compile("\\b(github_pat_[A-Za-z0-9_]{82})\\b"), 1),
            new Rule("GitLab token", List.of("glpat-"), Pattern.compile("\\b(glpat-[A-Za-z0-9_\\-]{20})"), 1),
            new Rule("Slack token", List.of("xox"), Pattern.compile("\\b(xox[baprs]-[A-Za-z0-9-]{10,})"), 1),
            new Rule("Google API key", List.of("AIza"), Pattern.compile("\\b(AIza[0-9A-Za-z_\\-]{35})"), 1),
            new Rule("Stripe secret key", List.of("sk_live_"), Pattern.compile("\\b(sk_live_[0-9a-zA-Z]{24,})"), 1),
            new Rule("npm token", List.of("npm_"), Pattern.compile("\\b(npm_[A-Za-z0-9]{36})\\b"), 1),
            new Rule("PyPI token", List.of("pypi-AgEIcHlwaS5vcmc"),
                    Pattern.compile("\\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,})"), 1),
            new Rule("Azure storage account key", List.of("AccountKey="),
                    Pattern.compile("AccountKey=([A-Za-z0-9+/]{86}==)"), 1));

    private static final Pattern NPMRC_TOKEN = Pattern.compile("(?m)_(?:authToken|auth|password)\\s*=\\s*(\\S{8,})");
    private static final Pattern DOCKER_AUTH = Pattern.compile("\"auth\"\\s*:\\s*\"([A-Za-z0-9+/=]{8,})\"");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("https?://[^\\s:@/]+:([^\\s@/]+)@");
    private static final Pattern NETRC_PASSWORD = Pattern.compile("(?m)\\bpassword\\s+(\\S+)");
    private static final Pattern PYPIRC_PASSWORD = Pattern.compile("(?m)^\\s*password\\s*[=:]\\s*(\\S+)");

    private static final Set<String> KEY_EXTENSIONS = Set.of("pem", "key", "env", "npmrc", "tfvars");
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("json", "yaml", "yml", "conf", "cfg", "ini",
            "properties", "xml", "toml", "sh", "txt", "config", "tf");
    /** Trees that operating-system and language package managers own: only key files are searched there. */
    private static final List<String> PACKAGE_TREES = List.of("usr/lib/", "usr/lib64/", "usr/share/",
            "usr/include/", "usr/libexec/", "usr/bin/", "usr/sbin/", "lib/", "lib64/", "bin/", "sbin/", "var/lib/",
            "var/cache/");
    private static final List<String> PACKAGE_DIRS = List.of("/site-packages/", "/dist-packages/",
            "/node_modules/", "/gems/");
    private static final Set<String> WELL_KNOWN_NAMES = Set.of(".npmrc", ".netrc", "_netrc", ".git-credentials",
            ".pypirc", ".env", "credentials", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".dockercfg",
            "credentials.json", "secrets.json", ".htpasswd");
    private static final List<String> SKIPPED_PREFIXES = List.of("usr/share/doc/", "usr/share/man/",
            "usr/share/locale/", "usr/share/zoneinfo/", "usr/share/i18n/", "usr/share/ca-certificates/",
            "etc/ssl/certs/", "usr/share/common-licenses/", "usr/share/info/", "proc/", "sys/");
    private static final List<String> SKIPPED_DIRS = List.of("/test/", "/tests/", "/testdata/", "/test-data/",
            "/fixtures/", "/examples/");

    private final long maxFileSize;

    SecretDetector(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /** Whether the file's content should be read (by name and size only). */
    boolean isCandidate(String path, long size) {
        if (size <= 0 || size > maxFileSize) {
            return false;
        }
        for (String prefix : SKIPPED_PREFIXES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        String withSlash = "/" + path;
        for (String dir : SKIPPED_DIRS) {
            if (withSlash.contains(dir)) {
                return false;
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (WELL_KNOWN_NAMES.contains(name) || name.startsWith("id_") && !name.endsWith(".pub")
                || path.endsWith(".aws/credentials") || path.endsWith(".docker/config.json")
                || path.endsWith(".kube/config")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (KEY_EXTENSIONS.contains(ext)) {
            return true;
        }
        if (!CONFIG_EXTENSIONS.contains(ext)) {
            return false;
        }
        for (String tree : PACKAGE_TREES) {
            if (path.startsWith(tree)) {
                return false;
            }
        }
        for (String dir : PACKAGE_DIRS) {
            if (withSlash.contains(dir)) {
                return false;
            }
        }
        return true;
    }

    /** The secrets in a file's content. */
    List<Hit> scan(String path, byte[] content, int length) {
        String text = new String(content, 0, length, StandardCharsets.ISO_8859_1);
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.anchors.stream().noneMatch(text::contains)) {
                continue;
            }
            Matcher m = rule.pattern.matcher(text);
            while (m.find() && hits.size() < 20) {
                String value = m.group(rule.group);
                if (value.contains("EXAMPLE")) {
                    continue; // AWS's documented example keys
                }
                hits.add(new Hit(rule.kind, rule.kind.equals("private key") ? value : redact(value)));
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals(".npmrc")) {
            find(hits, NPMRC_TOKEN, text, "npm registry credential");
        } else if (path.endsWith(".docker/config.json") || name.equals(".dockercfg")) {
            find(hits, DOCKER_AUTH, text, "container registry credential");
        } else if (name.equals(".git-credentials")) {
            find(hits, URL_CREDENTIALS, text, "git credential");
        } else if (name.equals(".netrc") || name.equals("_netrc")) {
            find(hits, NETRC_PASSWORD, text, "netrc password");
        } else if (name.equals(".pypirc")) {
            find(hits, PYPIRC_PASSWORD, text, "PyPI password");
        }
        return hits;
    }

    private static void find(List<Hit> hits, Pattern p, String text, String kind) {
        Matcher m = p.matcher(text);
        while (m.find() && hits.size() < 20) {
            hits.add(new Hit(kind, redact(m.group(1))));
        }
    }

    /** Keeps the first four characters, enough to recognise a key in one's own vault, and hides the rest. */
    static String redact(String value) {
        return value.length() <= 4 ? "****" : value.substring(0, 4) + "****";
    }
}
