"""The monitor: partners' private registration files in, one quarter's suppressed counts (data/monitor/<kwartaal>.yaml) out."""
