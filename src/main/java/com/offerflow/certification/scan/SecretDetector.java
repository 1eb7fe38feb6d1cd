package com.offerflow.certification.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in files. Searching every byte of an image with regular expressions would be slow, so only
 * candidate files are read: well-known credential files (.aws/credentials, .docker/config.json, .npmrc, .netrc,
 * .git-credentials, .pypirc, SSH keys, .env, ...), key files (*.pem, *.key) and configuration-like text files
 * (json, yaml, ini, properties, conf, xml, toml, env, sh, txt), each up to a size limit, outside documentation and
 * test directories. Values are never copied into the report: only the kind of secret and a redacted prefix.
 */
final class SecretDetector {

    record Hit(String kind, String sample) {
    }

    private record Rule(String kind, Pattern pattern, int group) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private key", Pattern.compile(
                    "-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----"), 1),
            new Rule("AWS access key ID", Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b"), 1),
            new Rule("AWS secret access key", Pattern.compile(
                    "(?i)aws_secret_access_key\\s*[=:]\\s*[\"']?([A-Za-z0-9/+=]{40})"), 1),
            new Rule("GitHub token", Pattern.compile("\\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36})\\b"), 1),
            new Rule("GitHub token", Pattern.compile("\\b(github_pat_[A-Za-z0-9_]{82})\\b"), 1),
            new Rule("GitLab token", Pattern.compile("\\b(glpat-[A-Za-z0-9_\\-]{20})"), 1),
            new Rule("Slack token", Pattern.compile("\\b(xox[baprs]-[A-Za-z0-9-]{10,})"), 1),
            new Rule("Google API key", Pattern.compile("\\b(AIza[0-9A-Za-z_\\-]{35})"), 1),
            new Rule("Stripe secret key", Pattern.compile("\\b(sk_live_[0-9a-zA-Z]{24,})"), 1),
            new Rule("npm token", Pattern.compile("\\b(npm_[A-Za-z0-9]{36})\\b"), 1),
            new Rule("PyPI token", Pattern.compile("\\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,})"), 1),
            new Rule("Azure storage account key", Pattern.compile("AccountKey=([A-Za-z0-9+/]{86}==)"), 1));

    private static final Pattern NPMRC_TOKEN = Pattern.compile("(?m)_(?:authToken|auth|password)\\s*=\\s*(\\S{8,})");
    private static final Pattern DOCKER_AUTH = Pattern.compile("\"auth\"\\s*:\\s*\"([A-Za-z0-9+/=]{8,})\"");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("https?://[^\\s:@/]+:([^\\s@/]+)@");
    private static final Pattern NETRC_PASSWORD = Pattern.compile("(?m)\\bpassword\\s+(\\S+)");
    private static final Pattern PYPIRC_PASSWORD = Pattern.compile("(?m)^\\s*password\\s*[=:]\\s*(\\S+)");

    private static final Set<String> CONFIG_EXTENSIONS = Set.of("pem", "key", "env", "json", "yaml", "yml", "conf",
            "cfg", "ini", "properties", "xml", "toml", "sh", "txt", "config", "npmrc", "tf", "tfvars");
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
        return dot >= 0 && CONFIG_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The secrets in a file's content. */
    List<Hit> scan(String path, byte[] content, int length) {
        String text = new String(content, 0, length, StandardCharsets.ISO_8859_1);
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : RULES) {
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
