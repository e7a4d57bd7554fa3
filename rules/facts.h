// facts: the plan's own facts from its layout.
//
//  * Header band (first two-column band on page 1).  Left column: the parent
//    body and the issuing body (the issuing body is the bold part; a name
//    wrapped over two lines is joined), then "Số: 129/KH-SGDĐT".  Right
//    column: the national motto, then "Cần Thơ, ngày 14 tháng 01 năm 2019".
//  * Title: the bold lines right under the header band: the kind
//    ("KẾ HOẠCH") and the subject ("Cải cách hành chính năm 2019").
//  * Period: "giai đoạn 2026 - 2030" or "năm 2019" in the title, else in the
//    first paragraphs.
//  * Signer: the right column of the last band (the one beside "Nơi nhận")
//    before any attached document (a later page's national motto):
//    upper-case lines are the role ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"), the
//    last other line is the name.
// A draft's blank number or date ("Số:    /KH-SGDĐT", "ngày   tháng   năm
// 2026") gives null and a diagnostic, never a guess.  Names of bodies come out
// in their usual written case ("UBND THÀNH PHỐ CẦN THƠ" -> "Ủy ban nhân dân
// thành phố Cần Thơ"), using the vocabularies.
#ifndef KEHOACH_RULES_FACTS_H_
#define KEHOACH_RULES_FACTS_H_

#include <string>
#include <vector>

#include "common/plan.h"
#include "extractor/layout.h"
#include "rules/legal_refs.h"

namespace kh {

DocumentFacts ExtractFacts(const LaidOutDocument& doc, const LegalRefExtractor& refs,
                           std::vector<Diagnostic>* diagnostics);

// "SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "Sở Giáo dục và Đào tạo"; "UBND TỈNH CÀ MAU"
// -> "Ủy ban nhân dân tỉnh Cà Mau".  Unknown names: first letter upper, rest
// lower, place names capitalized.
std::string BodyDisplayName(const std::string& printed, const RuleData& data);

// The person's name a line under a signature block holds (rules/signer.json):
// 2 to 6 words, each a capital and small letters, a rank before it dropped,
// quotes and a final stop dropped ("Thiếu tướng Ngô Thanh Bình." -> "Ngô
// Thanh Bình"); nullopt for anything else (a role in capitals, a recipient,
// the signature's scrawl read by OCR: "vo Vi", "l").
std::optional<std::string> PersonName(const std::string& line, const RuleData& data);

// Whether a line carries the national motto that heads a document
// (rules/signer.json "document_starts"): on a later page, an attached
// document begins there.
bool StartsADocument(const std::string& line, const RuleData& data);

// How many of the line's last words are a Biên bản's signing role in
// capitals (rules/signer.json "chairs": "Người ghi biên bản CHỦ TRÌ" -> 2);
// 0 if none.
size_t ChairRoleWords(const std::string& line, const RuleData& data);

// ---- each fact's own reader (vocabulary: rules/facts.json) ----

// The kind a kind line names ("KẾ HOẠCH" -> "ke_hoach", "THÔNG BÁO KẾT
// LUẬN" -> "thong_bao"; rules/doc_types.json, the longest name first) and
// how many words the name takes; nullopt if it names none.
std::optional<std::string> KindOfLine(const std::string& line, const RuleData& data, size_t* words = nullptr);

// The number of a "Số:" line ("Số: 93/KH-UBND" -> "93/KH-UBND"); *is_line
// says whether the line is one at all (a draft's "Số:    /KH-UBND" is one,
// with no number).
std::optional<std::string> ReadNumberLine(const std::string& line, const LegalRefExtractor& refs, bool* is_line);

// The place and date of a date line ("Cần Thơ, ngày 14 tháng 01 năm 2019");
// nullopt if the line is none.  A draft's blank day or month gives no date;
// a province's name read with slipped marks takes its spelling.
struct DateLine {
  std::string place;
  std::optional<std::string> date;  // ISO
  int day = 0, month = 0, year = 0;  // as printed; 0 where blank
};
std::optional<DateLine> ReadDateLine(const std::string& line, const RuleData& data);

// The latest date a document can bear, by its file: the earliest of the
// date the file was made (a scan is made after the paper is dated) and its
// signatures' days (a day later for a time in UTC, which may be the day
// before Vietnam's).  "" when the file says neither.
std::string LatestDate(const LaidOutDocument& doc);

// Why a document cannot bear `date` (ISO), or "" if it can: a date after
// its last signature's day (a day later for a time in UTC), or, for a
// scan (its first page read by OCR), more than
// kDaysAFileIsDatedAfterItIsMade days after the file was made (a month
// later is a misread figure: "2052", "12" read for "02").  The date line's date
// is then null, with a diagnostic.
inline constexpr int kDaysAFileIsDatedAfterItIsMade = 31;
std::string DateAfterItsFile(const LaidOutDocument& doc, const std::string& date);

// A date line printed with its day or month left blank, completed from the
// handwriting OCR read there (extractor.h BlankReadings: "18" or "28").
// `line` has the printed parts.  The readings that give a real date no
// later than `latest` are kept; one alone must remain, it must be the
// nearest reading of them all (the figures' best), and `latest` must have
// ruled another out, else nullopt: r26's "18" and "28" on a file made on 21
// April leave 18.  A reading alone says no more than the figures in doubt
// did (r04's brush-stamped month 02 allows only "04"), and with no
// `latest` there is no choice.
std::optional<std::string> DateFromBlank(const DateLine& line, const BlankReadings& blank, const std::string& latest);

// A Biên bản's date from its opening sentence ("Vào lúc 14 giờ, ngày 09
// tháng 12 năm 2025 tại …").
std::optional<std::string> ReadOpeningDate(const std::string& line, const RuleData& data);

// Whether a line not in bold that follows a title opens the body instead
// (rules/facts.json "title_end"): a capital first, then "Căn cứ", "Thực
// hiện", "Kính gửi" …  A title's wrapped line goes on in small letters.
bool OpensTheBody(const std::string& line, const RuleData& data);

// The period a title names: "giai đoạn 2026 - 2030" -> {2026, 2030}, "năm
// 2026" -> {2026, 2026}.
struct Period {
  std::optional<int> from, to;
};
Period ReadPeriod(const std::string& title, const RuleData& data);

// The role and authority of a signature block's lines in capitals, top
// down: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" -> role "Phó
// Chủ tịch", authority "TM. Ủy ban nhân dân, KT. Chủ tịch"; "Q. GIÁM ĐỐC"
// -> role "Quyền Giám đốc".
struct SignerRole {
  std::optional<std::string> role, authority;
};
SignerRole ReadSignerRole(const std::vector<std::string>& lines, const RuleData& data);

// A received stamp's text as OCR read it (rules/received_stamp.json):
// nullopt if it is no received stamp; else its body (the first line, in
// capitals, without digits), number and date where legible.
std::optional<DocumentFacts::Received> ReadReceivedStamp(const std::string& text, const RuleData& data);

}  // namespace kh

#endif  // KEHOACH_RULES_FACTS_H_
