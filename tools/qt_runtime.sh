#!/usr/bin/env bash
# `make run` on a fresh Linux desktop: the Qt runtime libraries the window needs (a fresh
# Debian lacks libxcb-cursor0 and friends, and Qt then cannot open the window). Installed with
# apt-get when this user can (root, or sudo without a password); otherwise the exact command is
# printed and `make run` stops. Elsewhere (macOS, Windows, a distribution without dpkg) there
# is nothing to check. The list is a subset of .ci/run's (tests/test_setup.py keeps it so).
set -euo pipefail

QT_PACKAGES=(
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 fonts-dejavu-core
)

[ "$(uname -s)" = "Linux" ] || exit 0
command -v dpkg >/dev/null 2>&1 || exit 0

missing=()
for package in "${QT_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  command_line="sudo apt-get install -y ${missing[*]}"
  echo "Il manque des bibliothèques Qt pour ouvrir la fenêtre : ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "Installez-les (mot de passe administrateur demandé), puis relancez « make run » :"
    echo "  $command_line"
    exit 1
  fi
  echo "Installation avec apt-get (une seule fois, quelques secondes)…"
  if ! { "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 &&
         "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
           "${missing[@]}" >/dev/null 2>&1; }; then
    echo "apt-get n'a pas pu les installer. À lancer à la main, puis « make run » :"
    echo "  $command_line"
    exit 1
  fi
  echo "Bibliothèques Qt installées."
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "Aucun écran graphique (ni DISPLAY ni WAYLAND_DISPLAY) : lancez « make run » depuis la"
  echo "session de bureau, ou « make test » pour les tests sans écran."
  exit 1
fi
