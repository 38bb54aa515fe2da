pub mod zones;
