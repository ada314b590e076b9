//! Shifo in the browser: installs the panic notice and mounts the app, nothing else.

fn main() {
    shifo::panic::install();
    leptos::mount::mount_to_body(shifo::app::App);
}
