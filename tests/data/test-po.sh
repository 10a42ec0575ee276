#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Translation plumbing:
#  - po/LINGUAS and the .po files agree, and msgfmt --check accepts each;
#  - every file under src/, ui/ and data/ with translatable strings is listed
#    in po/POTFILES, and every listed file exists (so the test fails the day
#    someone marks a string in a new file and forgets POTFILES);
#  - the Russian and German catalogues translate every current string
#    (issue 6 asks for complete translations); others are only reported.
#   test-po.sh SOURCE-ROOT
# TAP output; exit status 77 (skip) when gettext's tools are missing.
set -u

root=$1
po="$root/po"
complete_languages="ru de"

for tool in msgfmt msgmerge xgettext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (see build-aux/install-deps)"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=$((failed + 1)); }

languages=$(grep -v '^#' "$po/LINGUAS" | tr -s ' \t' '\n\n' | grep -v '^$')

# LINGUAS <-> .po files
problems=""
for lang in $languages; do
  [ -f "$po/$lang.po" ] || problems="$problems $lang.po(listed, missing)"
done
for file in "$po"/*.po; do
  [ -e "$file" ] || continue
  lang=$(basename "$file" .po)
  printf '%s\n' $languages | grep -qx "$lang" || problems="$problems $lang.po(not in LINGUAS)"
done
if [ -z "$problems" ]; then ok "po/LINGUAS matches the .po files"; else not_ok "po/LINGUAS matches the .po files:$problems"; fi

for lang in $languages; do
  if msgfmt --check -o /dev/null "$po/$lang.po" 2>"$tmp/msgfmt.log"; then
    ok "msgfmt --check $lang.po"
  else
    sed 's/^/# /' "$tmp/msgfmt.log"
    not_ok "msgfmt --check $lang.po"
  fi
done

# POTFILES: entries exist ...
grep -v '^#' "$po/POTFILES" | sed 's/[[:space:]]*$//' | grep -v '^$' | sort -u >"$tmp/listed"
problems=""
while read -r file; do
  [ -f "$root/$file" ] || problems="$problems $file"
done <"$tmp/listed"
if [ -z "$problems" ]; then ok "every file in po/POTFILES exists"; else not_ok "every file in po/POTFILES exists; missing:$problems"; fi

# ... and every file with translatable strings is listed.
(
  cd "$root" || exit 1
  # C: _(" N_(" C_(" NC_(" and the gettext family (plural forms included).
  find src -type f \( -name '*.c' -o -name '*.h' \) 2>/dev/null |
    xargs -r grep -lE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)[[:space:]]*\([[:space:]]*"|(^|[^A-Za-z0-9_])(g_)?(d|dc|n|dn|dcn|dp|dp2)?gettext2?[[:space:]]*\(' 2>/dev/null
  # GtkBuilder and other XML with translatable attributes or intltool tags.
  find src ui data -path data/samples -prune -o -type f \
       \( -name '*.ui' -o -name '*.xml' -o -name '*.xml.in' -o -name '*.in' \) -print 2>/dev/null |
    xargs -r grep -lE 'translatable="yes"|<_[A-Za-z]' 2>/dev/null
  # Desktop entries and AppStream data are translatable by format.
  find data -path data/samples -prune -o -type f \
       \( -name '*.desktop.in' -o -name '*.desktop.in.in' \
          -o -name '*.metainfo.xml.in' -o -name '*.metainfo.xml.in.in' \
          -o -name '*.appdata.xml.in' -o -name '*.appdata.xml.in.in' \) -print 2>/dev/null
  # GSettings summaries/descriptions and MIME comments.
  find data -path data/samples -prune -o -type f \
       \( -name '*.gschema.xml' -o -name '*.gschema.xml.in' \) -print 2>/dev/null |
    xargs -r grep -lE '<(summary|description)>' 2>/dev/null
  find data -path data/samples -prune -o -type f \( -name '*.xml' -o -name '*.xml.in' \) -print 2>/dev/null |
    xargs -r grep -l '<mime-info' 2>/dev/null | xargs -r grep -l '<comment>' 2>/dev/null
) | sed 's|^\./||' | sort -u >"$tmp/marked"
unlisted=$(comm -23 "$tmp/marked" "$tmp/listed")
if [ -z "$unlisted" ]; then
  ok "po/POTFILES lists every file with translatable strings ($(wc -l <"$tmp/marked") files)"
else
  printf '%s\n' "$unlisted" | sed 's/^/# not in po\/POTFILES: /'
  not_ok "po/POTFILES lists every file with translatable strings"
fi

# Completeness against the strings in the sources today, extracted the way
# meson's 'glib' gettext preset does.
if (cd "$root" && xgettext --package-name=corroborate --files-from=po/POTFILES \
      --from-code=UTF-8 --add-comments \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
      --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
      --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
      --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format \
      --flag=g_print:1:c-format --flag=g_printf:1:c-format --flag=g_snprintf:3:c-format \
      -o "$tmp/corroborate.pot") 2>"$tmp/xgettext.log"; then
  ok "xgettext extracts the strings from po/POTFILES"
else
  sed 's/^/# /' "$tmp/xgettext.log"
  not_ok "xgettext extracts the strings from po/POTFILES"
  echo "1..$n"
  exit 1
fi

for lang in $languages; do
  msgmerge --quiet --no-fuzzy-matching "$po/$lang.po" "$tmp/corroborate.pot" -o "$tmp/$lang.po" 2>/dev/null
  # Drop the obsolete entries, which msgfmt does not count anyway.
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  status=$?
  translated=$(printf '%s' "$stats" | sed -n 's/^\([0-9]*\) translated message.*/\1/p')
  rest=$(printf '%s' "$stats" | grep -E 'fuzzy|untranslated')
  case " $complete_languages " in
    *" $lang "*)
      if [ $status -eq 0 ] && [ -z "$rest" ] && [ -n "$translated" ]; then
        ok "$lang.po translates all $translated strings"
      else
        echo "# $stats"
        echo "# update with: meson compile -C BUILDDIR corroborate-update-po"
        not_ok "$lang.po translates every string"
      fi
      ;;
    *)
      echo "# $lang: $stats"
      ;;
  esac
done

echo "1..$n"
[ $failed -eq 0 ]
