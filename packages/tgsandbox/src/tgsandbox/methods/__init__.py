"""The Bot API methods the emulator serves, grouped by what they act on."""
