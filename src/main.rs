//! Shifo in the browser: installs the panic notice, fetches the reader's texts and mounts the app,
//! nothing else.

fn main() {
    shifo::panic::install();
    // The reader's language's texts first (a short fetch; none for English), then the app.
    shifo::load_then(shifo::app::mount);
}
