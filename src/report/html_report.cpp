// The HTML report: sections rendered one after another into one string.
#include "report/html_report.hpp"

#include <algorithm>
#include <map>

#include "readiness/dates.hpp"
#include "report/sheets.hpp"

namespace readiness::report {
namespace {

using boost::gregorian::days;

const char* style = R"(
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-left:4px solid #c00;padding-left:8px}
.sub{color:#666;font-size:13px}.cards{display:flex;gap:12px;flex-wrap:wrap;margin-top:14px}
.card{border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:26px}.card span{color:#666;font-size:13px}
.bad{color:#c00}.good{color:#2a7d2a}
table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:4px 8px}
th{background:#f2f2f2}td.n{text-align:right}svg text{font-family:inherit}
.legend span{display:inline-block;margin-right:14px;font-size:12px}
.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
)";

std::string light_colour(light l) {
  switch (l) {
    case light::red:
      return "#e0403a";
    case light::yellow:
      return "#f2c12e";
    case light::blue:
      return "#3b82c4";
    case light::green:
      return "#4caf50";
    case light::done:
      return "#b0b0b0";
  }
  return "#888";
}

std::string px(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

std::string points(centi c) {
  return format_centi(c);
}

std::string short_date(date d) {
  return std::to_string(d.month().as_number()) + "/" + std::to_string(d.day().as_number());
}

// The first `n` characters (code points) of UTF-8 text, with "…" when cut.
std::string first_characters(const std::string& text, std::size_t n) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == n)
      return text.substr(0, i) + "…";
  return text;
}

std::string unit_name(const plan& p, const std::string& id) {
  for (const auto& u : p.units)
    if (u.id == id) return u.name.empty() ? id : u.name;
  return id;
}

void headline(std::string& out, const plan& p, const schedule& s, const readiness_forecast& f,
              const working_calendar& cal) {
  out += "<h1>" + html_escape(p.title.empty() ? "迎检准备情况" : p.title) + "</h1>\n";
  out += "<div class=\"sub\">状态日期 " + format_iso_date(f.as_of) + "　准备完成时限 " +
         format_iso_date(f.ready_by);
  if (f.arrives) out += "　考评组到达 " + format_iso_date(*f.arrives);
  if (f.provisional) out += "　（部分日期所在年份无节假日数据，结果为暂定）";
  out += "</div>\n<div class=\"cards\">\n";
  auto card = [&](const std::string& label, const std::string& value, const char* cls) {
    out += "<div class=\"card\"><b class=\"" + std::string(cls) + "\">" + html_escape(value) +
           "</b><span>" + html_escape(label) + "</span></div>\n";
  };
  const auto& now = f.now.total;
  const auto& day = f.on_day.total;
  card("当前得分", points(now.total) + (now.grade.empty() ? "" : " " + now.grade), "");
  bool short_of = f.target && day.total < *f.target;
  card("迎检日预计得分", points(day.total) + (day.grade.empty() ? "" : " " + day.grade),
       short_of ? "bad" : "good");
  if (f.target) card("目标分数", points(*f.target), "");
  if (day.gap) card("差距", points(*day.gap), *day.gap > 0 ? "bad" : "good");
  std::int64_t left = cal.index_on_or_before(f.ready_by) - cal.index_on_or_after(s.as_of) + 1;
  card("剩余工作日", std::to_string(std::max<std::int64_t>(0, left)), left < 10 ? "bad" : "");
  if (!day.qualified) card("资格", "不具备（一票否决或门槛未达）", "bad");
  out += "</div>\n";
}

void curve_chart(std::string& out, const readiness_forecast& f) {
  out += "<h2>得分走势（按计划推进）</h2>\n";
  if (f.curve.empty()) {
    out += "<p>无数据</p>\n";
    return;
  }
  const double w = 900, h = 260, left = 48, right = 20, top = 14, bottom = 34;
  centi max = std::max<centi>(f.now.total.max, 1);
  double x_step = f.curve.size() > 1 ? (w - left - right) / double(f.curve.size() - 1) : 0;
  auto x = [&](std::size_t i) { return left + x_step * double(i); };
  auto y = [&](centi v) { return top + (h - top - bottom) * (1.0 - double(v) / double(max)); };
  out += "<svg class=\"curve\" width=\"" + px(w) + "\" height=\"" + px(h) + "\" viewBox=\"0 0 " +
         px(w) + " " + px(h) + "\" role=\"img\" aria-label=\"得分走势\">\n";
  for (int g = 0; g <= 4; ++g) {
    centi v = max * g / 4;
    out += "<line x1=\"" + px(left) + "\" x2=\"" + px(w - right) + "\" y1=\"" + px(y(v)) +
           "\" y2=\"" + px(y(v)) + "\" stroke=\"#eee\"/><text x=\"" + px(left - 6) + "\" y=\"" +
           px(y(v) + 4) + "\" font-size=\"11\" text-anchor=\"end\">" + points(v) + "</text>\n";
  }
  std::size_t ticks = std::max<std::size_t>(1, f.curve.size() / 8);
  for (std::size_t i = 0; i < f.curve.size(); i += ticks)
    out += "<text x=\"" + px(x(i)) + "\" y=\"" + px(h - 12) +
           "\" font-size=\"11\" text-anchor=\"middle\">" + short_date(f.curve[i].day) + "</text>\n";
  if (f.target)
    out += "<line class=\"target\" x1=\"" + px(left) + "\" x2=\"" + px(w - right) + "\" y1=\"" +
           px(y(*f.target)) + "\" y2=\"" + px(y(*f.target)) +
           "\" stroke=\"#c00\" stroke-dasharray=\"6 4\"/><text x=\"" + px(w - right) + "\" y=\"" +
           px(y(*f.target) - 4) + "\" font-size=\"11\" fill=\"#c00\" text-anchor=\"end\">目标 " +
           points(*f.target) + "</text>\n";
  for (std::size_t i = 0; i < f.curve.size(); ++i)
    if (f.curve[i].day == f.ready_by)
      out += "<line x1=\"" + px(x(i)) + "\" x2=\"" + px(x(i)) + "\" y1=\"" + px(top) + "\" y2=\"" +
             px(h - bottom) + "\" stroke=\"#888\" stroke-dasharray=\"2 3\"/><text x=\"" +
             px(x(i) - 4) + "\" y=\"" + px(top + 10) +
             "\" font-size=\"11\" text-anchor=\"end\">准备完成时限</text>\n";
  std::string line;
  for (std::size_t i = 0; i < f.curve.size(); ++i)
    line += (i ? " " : "") + px(x(i)) + "," + px(y(f.curve[i].total));
  out +=
      "<polyline class=\"readiness\" fill=\"none\" stroke=\"#1f6fb2\" stroke-width=\"2.5\" "
      "points=\"" +
      line + "\"/>\n</svg>\n";
}

void gantt_chart(std::string& out, const plan& p, const schedule& s, const readiness_forecast& f,
                 const working_calendar& cal) {
  out += "<h2>工作进度甘特图</h2>\n<div class=\"legend\">";
  for (light l : {light::red, light::yellow, light::blue, light::green, light::done})
    out += "<span><i style=\"background:" + light_colour(l) + "\"></i>" +
           light_label(light_name(l)) + "</span>";
  out +=
      "<span><i style=\"border:2px solid #000\"></i>关键任务</span><span><i "
      "style=\"background:#eee\"></i>休息日/节假日</span><span><i "
      "style=\"background:#c00;width:3px\"></i>完成时限</span></div>\n";
  if (s.tasks.empty()) {
    out += "<p>无任务</p>\n";
    return;
  }
  date first = s.as_of, last = s.finish;
  for (const auto& t : s.tasks) {
    first = std::min(first, t.es);
    last = std::max(last, t.ef);
    if (t.deadline) last = std::max(last, *t.deadline);
  }
  if (f.arrives) last = std::max(last, *f.arrives);
  if (p.inspection && p.inspection->window_end) last = std::max(last, *p.inspection->window_end);
  const long span = (last - first).days() + 1;
  const double label_w = 300, day_w = std::max(4.0, std::min(18.0, 1000.0 / double(span)));
  const double row_h = 20, top = 34;
  const double w = label_w + day_w * double(span) + 10;
  const double h = top + row_h * double(s.tasks.size()) + 10;
  auto x = [&](date d) { return label_w + day_w * double((d - first).days()); };
  out += "<svg class=\"gantt\" width=\"" + px(w) + "\" height=\"" + px(h) + "\" viewBox=\"0 0 " +
         px(w) + " " + px(h) + "\" role=\"img\" aria-label=\"甘特图\">\n";
  for (date d = first; d <= last; d += days(1)) {
    if (!cal.is_working(d))
      out += "<rect class=\"off\" x=\"" + px(x(d)) + "\" y=\"" + px(top) + "\" width=\"" +
             px(day_w) + "\" height=\"" + px(h - top) + "\" fill=\"#eee\"/>\n";
    if (d.day() == 1 || d == first)
      out += "<text x=\"" + px(x(d) + 2) + "\" y=\"12\" font-size=\"11\">" +
             std::to_string(d.year()) + "年" + std::to_string(d.month().as_number()) +
             "月</text>\n";
    if (d.day_of_week() == 1)
      out += "<text x=\"" + px(x(d)) + "\" y=\"28\" font-size=\"10\" fill=\"#666\">" +
             std::to_string(d.day().as_number()) + "</text>\n";
  }
  auto vline = [&](date d, const char* colour, const std::string& label) {
    out += "<line x1=\"" + px(x(d)) + "\" x2=\"" + px(x(d)) + "\" y1=\"" + px(top) + "\" y2=\"" +
           px(h) + "\" stroke=\"" + colour + "\" stroke-dasharray=\"4 3\"/><title>" +
           html_escape(label) + "</title>\n";
  };
  vline(s.as_of, "#1f6fb2", "状态日期 " + format_iso_date(s.as_of));
  if (f.arrives) vline(*f.arrives, "#c00", "考评组到达 " + format_iso_date(*f.arrives));
  std::size_t row = 0;
  for (const auto& t : s.tasks) {
    double y = top + row_h * double(row++);
    const task* source = nullptr;
    for (const auto& pt : p.tasks)
      if (pt.id == t.id) source = &pt;
    int depth = 0;
    for (const task* up = source; up && !up->parent.empty();) {
      ++depth;
      const task* next = nullptr;
      for (const auto& pt : p.tasks)
        if (pt.id == up->parent) next = &pt;
      up = next;
      if (depth > 8) break;
    }
    std::string label = t.id + " " + t.title;
    out += "<text x=\"" + px(4 + 12 * depth) + "\" y=\"" + px(y + 14) + "\" font-size=\"12\"" +
           (t.summary ? " font-weight=\"bold\"" : "") + ">" +
           html_escape(first_characters(label, 26)) + "</text>\n";
    double x0 = x(t.es), x1 = x(t.ef) + day_w;
    std::string tip =
        "<title>" +
        html_escape(
            t.id + " " + t.title + "：" + format_iso_date(t.es) + " — " + format_iso_date(t.ef) +
            (t.total_float ? "，总时差 " + std::to_string(*t.total_float) + " 个工作日" : "") +
            "，" + light_label(light_name(t.light))) +
        "</title>";
    if (t.summary) {
      out += "<path class=\"summary\" d=\"M" + px(x0) + " " + px(y + 15) + " V" + px(y + 6) + " H" +
             px(x1) + " V" + px(y + 15) +
             "\" fill=\"none\" stroke=\"#333\" "
             "stroke-width=\"2\">" +
             tip + "</path>\n";
    } else if (t.milestone) {
      double cx = x(t.ef) + day_w / 2, cy = y + 10;
      out += "<path class=\"milestone\" d=\"M" + px(cx) + " " + px(cy - 6) + " L" + px(cx + 6) +
             " " + px(cy) + " L" + px(cx) + " " + px(cy + 6) + " L" + px(cx - 6) + " " + px(cy) +
             " Z\" fill=\"" + light_colour(t.light) + "\">" + tip + "</path>\n";
    } else {
      out += "<rect class=\"bar" + std::string(t.critical ? " critical" : "") + "\" x=\"" + px(x0) +
             "\" y=\"" + px(y + 4) + "\" width=\"" + px(std::max(2.0, x1 - x0)) + "\" height=\"" +
             px(row_h - 8) + "\" rx=\"2\" fill=\"" + light_colour(t.light) + "\"" +
             (t.critical ? " stroke=\"#000\" stroke-width=\"1.5\"" : "") + ">" + tip + "</rect>\n";
    }
    if (t.deadline && !t.summary)
      out += "<rect class=\"deadline\" x=\"" + px(x(*t.deadline) + day_w - 1.5) + "\" y=\"" +
             px(y + 1) + "\" width=\"3\" height=\"" + px(row_h - 2) + "\" fill=\"#c00\"/>\n";
  }
  out += "</svg>\n";
}

void category_bars(std::string& out, const readiness_forecast& f) {
  out += "<h2>各大项得分（当前 / 迎检日预计）</h2>\n";
  const double w = 900, bar_w = 520, left = 250, row_h = 26;
  const double h = row_h * double(f.on_day.categories.size()) + 10;
  out += "<svg class=\"categories\" width=\"" + px(w) + "\" height=\"" + px(h) +
         "\" viewBox=\"0 0 " + px(w) + " " + px(h) + "\" role=\"img\" aria-label=\"各大项得分\">\n";
  std::map<std::string, centi> now;
  for (const auto& c : f.now.categories) now[c.id] = c.score;
  std::size_t row = 0;
  for (const auto& c : f.on_day.categories) {
    double y = row_h * double(row++) + 4;
    double full = c.max > 0 ? bar_w : 0;
    auto len = [&](centi v) { return c.max > 0 ? bar_w * double(v) / double(c.max) : 0.0; };
    out += "<text x=\"" + px(left - 8) + "\" y=\"" + px(y + 15) +
           "\" font-size=\"12\" text-anchor=\"end\">" + html_escape(c.id + " " + c.title) +
           "</text>\n<rect x=\"" + px(left) + "\" y=\"" + px(y + 3) + "\" width=\"" + px(full) +
           "\" height=\"16\" fill=\"#f0f0f0\"/>\n<rect class=\"on-day\" x=\"" + px(left) +
           "\" y=\"" + px(y + 3) + "\" width=\"" + px(len(c.score)) +
           "\" height=\"16\" fill=\"#9cc3e6\"/>\n<rect class=\"now\" x=\"" + px(left) + "\" y=\"" +
           px(y + 7) + "\" width=\"" + px(len(now[c.id])) + "\" height=\"8\" fill=\"#1f6fb2\"/>\n" +
           "<text x=\"" + px(left + bar_w + 8) + "\" y=\"" + px(y + 15) + "\" font-size=\"12\">" +
           points(now[c.id]) + " → " + points(c.score) + " / " + points(c.max) + "</text>\n";
  }
  out += "</svg>\n";
}

void lists(std::string& out, const plan& p, const readiness_forecast& f) {
  std::map<std::string, const item_score*> items;
  for (const auto& it : f.on_day.items) items[it.id] = &it;
  out +=
      "<h2>失分项（补短板，按迎检日预计失分排序）</h2>\n<table class=\"shortfalls\"><tr><th>序号"
      "</th><th>考评内容</th><th>失分</th><th>负责单位</th><th>原因</th></tr>\n";
  std::size_t shown = 0;
  for (const auto& s : f.on_day.shortfalls) {
    if (++shown > 20) break;
    const item_score* it = items.count(s.id) ? items[s.id] : nullptr;
    out += "<tr><td>" + html_escape(s.id) + "</td><td>" + html_escape(it ? it->title : "") +
           "</td><td class=\"n\">" + points(s.lost) + "</td><td>" +
           html_escape(it && !it->owner.empty() ? unit_name(p, it->owner) : "") + "</td><td>" +
           html_escape(it ? it->reason : "") + "</td></tr>\n";
  }
  out += "</table>\n<h2>无任务覆盖的失分项（填空白）</h2>\n";
  if (f.uncovered.empty()) {
    out += "<p>每个失分项都有任务在处理。</p>\n";
  } else {
    out +=
        "<table class=\"uncovered\"><tr><th>序号</th><th>考评内容</th><th>失分</th><th>负责单位"
        "</th></tr>\n";
    for (const auto& g : f.uncovered) {
      const item_score* it = items.count(g.id) ? items[g.id] : nullptr;
      out += "<tr><td>" + html_escape(g.id) + "</td><td>" + html_escape(it ? it->title : "") +
             "</td><td class=\"n\">" + points(g.lost) + "</td><td>" +
             html_escape(g.owner.empty() ? "" : unit_name(p, g.owner)) + "</td></tr>\n";
    }
    out += "</table>\n";
  }
}

void unit_table(std::string& out, const readiness_forecast& f) {
  out +=
      "<h2>责任单位</h2>\n<table class=\"units\"><tr><th>单位</th><th>牵头任务</th><th>已完成"
      "</th><th>红</th><th>黄</th><th>蓝</th><th>绿</th><th>逾期</th><th>风险分值</th><th>负责"
      "考评项</th><th>失分</th></tr>\n";
  for (const auto& u : f.units) {
    auto n = [](std::int64_t v) { return "<td class=\"n\">" + std::to_string(v) + "</td>"; };
    out += "<tr><td>" + html_escape(u.name.empty() ? u.id : u.name) + "</td>" + n(u.tasks) +
           n(u.done) + n(u.red) + n(u.yellow) + n(u.blue) + n(u.green) + n(u.late) +
           "<td class=\"n\">" + points(u.points_at_risk) + "</td>" + n(u.items_owned) +
           "<td class=\"n\">" + points(u.points_lost) + "</td></tr>\n";
  }
  out += "</table>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_html_report(const plan& p, const schedule& s, const readiness_forecast& f,
                               const working_calendar& calendar) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" +
      html_escape(p.title.empty() ? "迎检准备情况报告" : p.title) + "</title>\n<style>" + style +
      "</style>\n</head>\n<body>\n";
  headline(out, p, s, f, calendar);
  curve_chart(out, f);
  gantt_chart(out, p, s, f, calendar);
  category_bars(out, f);
  lists(out, p, f);
  unit_table(out, f);
  out += "<p class=\"sub\">由 readiness 生成。</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace readiness::report
