// The iCalendar writer.
#include "io/ics.hpp"

#include <algorithm>
#include <ctime>
#include <vector>

#include "readiness/dates.hpp"
#include "readiness/id_order.hpp"
#include "readiness/version.h"

namespace readiness::io {
namespace {

std::string basic_date(date d) {
  std::string iso = format_iso_date(d);
  iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
  return iso;
}

std::string utc_stamp(std::int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm = {};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
  return text;
}

// A short, stable tag of the plan, so events of different plans never share a UID.
std::string plan_tag(const plan& p) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : p.title + "\n" + p.rubric.id) {
    h ^= c;
    h *= 16777619u;
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 7; i >= 0; --i) out += hex[(h >> (i * 4)) & 15];
  return out;
}

// The UID's own text: ids may hold any character, a UID only a safe few.
std::string uid_part(std::string_view id) {
  std::string out;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : id) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_')
      out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class calendar_text {
 public:
  void line(std::string_view name, std::string_view value) {
    out_ += ics_fold(std::string(name) + ":" + std::string(value));
  }
  void event(const std::string& uid, const std::string& stamp, date first, date last,
             const std::string& summary, const std::string& description) {
    line("BEGIN", "VEVENT");
    line("UID", uid);
    line("DTSTAMP", stamp);
    line("DTSTART;VALUE=DATE", basic_date(first));
    line("DTEND;VALUE=DATE", basic_date(last + boost::gregorian::days(1)));
    line("SUMMARY", ics_escape(summary));
    if (!description.empty()) line("DESCRIPTION", ics_escape(description));
    line("TRANSP", "TRANSPARENT");
    line("END", "VEVENT");
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

std::string unit_names(const plan& p, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += "、";
    auto it =
        std::find_if(p.units.begin(), p.units.end(), [&](const unit& u) { return u.id == id; });
    out += it == p.units.end() || it->name.empty() ? id : it->name;
  }
  return out;
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on the first line; a continuation's leading space counts
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string write_ics(const plan& p, std::int64_t stamp_seconds) {
  calendar_text cal;
  const std::string stamp = utc_stamp(stamp_seconds);
  const std::string tag = plan_tag(p);
  const std::string domain = "@readiness";
  cal.line("BEGIN", "VCALENDAR");
  cal.line("VERSION", "2.0");
  cal.line("PRODID", "-//readiness//readiness " RDY_VERSION_STRING "//ZH");
  cal.line("CALSCALE", "GREGORIAN");
  cal.line("METHOD", "PUBLISH");
  if (!p.title.empty()) cal.line("X-WR-CALNAME", ics_escape(p.title));
  const std::string name = p.rubric.title.empty() ? p.title : p.rubric.title;
  if (p.inspection && p.inspection->arrives) {
    date first = *p.inspection->arrives;
    date last = p.inspection->window_end && *p.inspection->window_end >= first
                    ? *p.inspection->window_end
                    : first;
    std::string description = "考评组到达 " + format_iso_date(first);
    if (p.inspection->target) description += "\n目标分数 " + format_centi(*p.inspection->target);
    cal.event("inspection-" + tag + domain, stamp, first, last, "迎检：" + name, description);
  }
  if (p.inspection && p.inspection->ready_by)
    cal.event("ready-by-" + tag + domain, stamp, *p.inspection->ready_by, *p.inspection->ready_by,
              "迎检准备完成时限", "所有迎检任务在此日前完成");
  std::vector<const task*> tasks;
  for (const auto& t : p.tasks)
    if (t.due) tasks.push_back(&t);
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const task* a, const task* b) { return compare_ids(a->id, b->id) < 0; });
  for (const task* t : tasks) {
    std::string description;
    auto add = [&](const char* label, const std::string& value) {
      if (value.empty()) return;
      if (!description.empty()) description += "\n";
      description += label + value;
    };
    add("任务：", t->id);
    add("牵头单位：", t->lead.empty() ? "" : unit_names(p, {t->lead}));
    add("责任单位：", unit_names(p, t->responsible));
    add("配合单位：", unit_names(p, t->support));
    add("责任人：", t->owner);
    cal.event("task-" + uid_part(t->id) + "-due-" + tag + domain, stamp, *t->due, *t->due,
              "完成时限：" + t->title, description);
  }
  cal.line("END", "VCALENDAR");
  return cal.take();
}

}  // namespace readiness::io
