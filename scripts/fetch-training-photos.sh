#!/bin/sh
# Fetches the training photographs: downloads the Debian packages with `apt-get download`, unpacks
# them and copies the photos listed in scripts/training-photos.txt to DEST/train/<package>/, every
# 3rd listed photo to DEST/val/<package>/ instead. Idempotent: photos already in place are not
# fetched again, and files of DEST/{train,val}/<package>/ that the list does not name are removed.
#
# Usage: scripts/fetch-training-photos.sh [DEST]     (default: work-data/photos)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
list="$here/training-photos.txt"
dest=${1:-work-data/photos}
packages="mate-backgrounds plasma-workspace-wallpapers python3-skimage"

# The file name a listed photo gets: the wallpaper's name for Plasma wallpapers (whose files are
# named after their size), the file's own name otherwise.
target_name() {
    case "$1" in
        */usr/share/wallpapers/*/contents/images/*)
            wallpaper=${1#*/usr/share/wallpapers/}
            echo "${wallpaper%%/*}.${1##*.}" ;;
        *) basename "$1" ;;
    esac
}

entries=$(grep -v '^[[:space:]]*\(#\|$\)' "$list")

# Where each entry goes: "<path in list> <train|val>/<package>/<name>".
plan=$(echo "$entries" | awk '{ print $0, (NR % 3 == 0 ? "val" : "train") }' | while read -r entry split; do
    echo "$entry $split/${entry%%/*}/$(target_name "$entry")"
done)

missing=$(echo "$plan" | while read -r entry to; do [ -f "$dest/$to" ] || echo "$entry"; done)
if [ -n "$missing" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # apt-get download runs as the _apt user where it can write to the folder, else warns.
    chown _apt "$work" 2>/dev/null || true
    echo "downloading $packages"
    (cd "$work" && apt-get download -q $packages) || {
        echo "apt-get download failed (run apt-get update first?)" >&2
        exit 1
    }
    for deb in "$work"/*.deb; do
        package=$(dpkg-deb -f "$deb" Package)
        echo "  $package $(dpkg-deb -f "$deb" Version)"
        dpkg-deb -x "$deb" "$work/$package"
    done
    echo "$plan" | while read -r entry to; do
        if [ ! -f "$work/$entry" ]; then
            echo "$entry: not in the downloaded package (has the package changed? see $list)" >&2
            exit 1
        fi
        mkdir -p "$(dirname "$dest/$to")"
        cmp -s "$work/$entry" "$dest/$to" || cp "$work/$entry" "$dest/$to"
    done
fi

# Photos of an earlier list that this one no longer names.
for split in train val; do
    for package in $packages; do
        [ -d "$dest/$split/$package" ] || continue
        for file in "$dest/$split/$package"/*; do
            [ -e "$file" ] || continue
            if ! echo "$plan" | grep -q " $split/$package/$(basename "$file")\$"; then
                echo "removing $file (not in the list)"
                rm -f "$file"
            fi
        done
    done
done

echo "training photos in $dest:"
for package in $packages; do
    train=$(find "$dest/train/$package" -type f 2>/dev/null | wc -l)
    val=$(find "$dest/val/$package" -type f 2>/dev/null | wc -l)
    printf '  %-28s %3d train %3d val\n' "$package" "$train" "$val"
done
printf '  %-28s %3d train %3d val\n' total "$(find "$dest/train" -type f | wc -l)" "$(find "$dest/val" -type f | wc -l)"
