//! Shifo in the browser: installs the panic notice and mounts the app, nothing else.

fn main() {
    shifo::panic::install();
    shifo::app::mount();
}
