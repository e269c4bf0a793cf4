#!/bin/sh
# run-vm.sh script mode entry: the Python client sits beside this script
exec python3 "$(dirname "$0")/guest_client.py"
