//! Helpers shared by the browser tests (tests/html.rs, tests/cytoscape_js.rs).

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// Whether `bin --version` runs.
pub fn runs(bin: &str) -> bool {
    Command::new(bin)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Whether the user asked to skip browser tests when `what` is missing
/// (`ACTORGRAPH_SKIP_BROWSER=1`); says so on stderr.
pub fn skip_requested(what: &str) -> bool {
    if std::env::var("ACTORGRAPH_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("skipped: {what} is missing and ACTORGRAPH_SKIP_BROWSER=1");
        return true;
    }
    false
}

/// The Chromium binary, or `None` when it is missing and skipping was asked
/// for (a missing browser otherwise fails the test).
pub fn chromium() -> Option<String> {
    let candidates: Vec<String> = match std::env::var("ACTORGRAPH_CHROMIUM") {
        Ok(b) => vec![b],
        Err(_) => [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ]
        .map(String::from)
        .to_vec(),
    };
    if let Some(c) = candidates.into_iter().find(|c| runs(c)) {
        return Some(c);
    }
    if skip_requested("Chromium") {
        return None;
    }
    panic!(
        "headless Chromium is needed by this test: apt-get install -y chromium (CI runs .ci/deps-exports.sh), \
         or point ACTORGRAPH_CHROMIUM at a Chrome binary, or set ACTORGRAPH_SKIP_BROWSER=1 to skip"
    );
}

/// Runs headless Chromium on `url` with `extra` arguments (a fresh profile,
/// no network services); returns stdout and stderr. Killed after 90 s.
pub fn run_chromium(bin: &str, url: &str, extra: &[&str]) -> (String, String) {
    let profile = TempDir::new().unwrap();
    let out_dir = TempDir::new().unwrap();
    let (out_path, err_path) = (out_dir.path().join("out"), out_dir.path().join("err"));
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1400,900",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let err = fs::read_to_string(&err_path).unwrap_or_default();
            assert!(status.success(), "chromium failed on {url}: {err}");
            break;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("chromium did not finish within 90 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (
        fs::read_to_string(&out_path).unwrap(),
        fs::read_to_string(&err_path).unwrap(),
    )
}
