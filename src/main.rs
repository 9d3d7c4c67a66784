fn main() {
    borough_map::start();
}
