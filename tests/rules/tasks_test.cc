#include "rules/tasks.h"

#include <gtest/gtest.h>

#include "tests/rules/compiled.h"

namespace kh {
namespace {

std::shared_ptr<const TaskExtractor> X() { return Compiled<TaskExtractor>(); }

// Builds a table cell by cell: Cell(row, col, "text") with optional spans.
class TableBuilder {
 public:
  TableBuilder(int columns, int rows) {
    t_.columns = columns;
    t_.rows.resize(static_cast<size_t>(rows));
    for (int r = 0; r < rows; ++r) t_.rows[static_cast<size_t>(r)].page = 1;
  }
  TableBuilder& Cell(int row, int col, const std::string& text, int row_span = 1, int col_span = 1, bool bold = false,
                     int page = 1) {
    TableCell c;
    c.row = row;
    c.col = col;
    c.row_span = row_span;
    c.col_span = col_span;
    if (!text.empty()) {
      Line l;
      l.page = page;
      l.bold = bold;
      size_t i = 0;
      double x = 10 + 100.0 * col;
      while (i < text.size()) {
        size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        Word w;
        w.text = text.substr(i, j - i);
        w.box = {x, 10.0 * row, x + 5, 10.0 * row + 8};
        x += 6;
        l.words.push_back(w);
        i = j + 1;
      }
      l.box = {10 + 100.0 * col, 10.0 * row, x, 10.0 * row + 8};
      c.lines.push_back(l);
    }
    c.pieces.push_back({page, {100.0 * col, 10.0 * row, 100.0 * (col + col_span), 10.0 * (row + row_span)}});
    t_.cells.push_back(std::move(c));
    return *this;
  }
  // A row of single cells; "" leaves a cell empty.
  TableBuilder& Row(int row, std::vector<std::string> texts) {
    for (size_t c = 0; c < texts.size(); ++c) Cell(row, static_cast<int>(c), texts[c]);
    return *this;
  }
  Table Build() {
    t_.Index();
    return t_;
  }

 private:
  Table t_;
};

TEST(TasksTest, HeaderVocabularyExamples) {
  auto x = X();
  auto data = DefaultRuleData().value();
  ASSERT_GE(data->task_tables.header_examples.size(), 10u);
  for (const auto& [text, role] : data->task_tables.header_examples) {
    SCOPED_TRACE(text);
    EXPECT_EQ(x->HeaderRole(text).value_or("<none>"), role);
  }
  for (const std::string& text : data->task_tables.header_counter_examples) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(x->HeaderRole(text));
  }
}

// The shape of seed 003's table: group rows spanning the columns, an
// unnumbered row under 2.1, a number and task merged over two rows (6.1),
// a duplicate number.
TEST(TasksTest, GroupRowsUnnumberedRowsAndMergedCells) {
  Table t = TableBuilder(6, 8)
                .Row(0, {"TT", "Hoạt động", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"})
                .Cell(1, 0, "2.").Cell(1, 1, "Cải cách thủ tục hành chính", 1, 5)
                .Row(2, {"2.1", "Xây dựng Kế hoạch", "Kế hoạch", "Văn phòng", "Các phòng chuyên môn", "Quý IV/2018"})
                .Row(3, {"", "Báo cáo kết quả", "Báo cáo", "Văn phòng", "", "Quý IV/2019"})
                .Cell(4, 0, "6.1", 2).Cell(4, 1, "Ứng dụng CNTT", 2).Cell(4, 2, "Kế hoạch").Cell(4, 3, "Văn phòng", 2)
                .Cell(4, 4, "", 2).Cell(4, 5, "Tháng 12/2018")
                .Cell(5, 2, "Báo cáo").Cell(5, 5, "Quý IV/2019")
                .Row(6, {"7.4", "Theo dõi Chỉ số", "Báo cáo", "Văn phòng", "", "Theo hướng dẫn Sở Nội vụ"})
                .Row(7, {"7.4", "Xác định Chỉ số", "Báo cáo", "Văn phòng", "", "Quý IV/2019"})
                .Build();
  std::vector<Task> tasks = X()->Extract({t}, {});
  ASSERT_EQ(tasks.size(), 6u);
  EXPECT_EQ(tasks[0].no, "2.1");
  ASSERT_EQ(tasks[0].groups.size(), 1u);
  EXPECT_EQ(tasks[0].groups[0].no, "2.");
  EXPECT_EQ(tasks[0].groups[0].title, "Cải cách thủ tục hành chính");
  EXPECT_EQ(tasks[1].no, "");
  EXPECT_EQ(tasks[1].part_of, 0);
  EXPECT_EQ(tasks[1].task, "Báo cáo kết quả");
  EXPECT_EQ(tasks[2].no, "6.1");
  EXPECT_FALSE(tasks[2].part_of);
  EXPECT_EQ(tasks[3].no, "6.1");  // the merged number cell covers the row
  EXPECT_EQ(tasks[3].part_of, 2);
  EXPECT_EQ(tasks[3].task, "Ứng dụng CNTT");
  EXPECT_EQ(tasks[3].product, "Báo cáo");
  EXPECT_EQ(tasks[3].timeline.from.value_or(""), "2019-10-01");
  EXPECT_EQ(tasks[4].no, "7.4");
  EXPECT_EQ(tasks[5].no, "7.4");
  EXPECT_FALSE(tasks[5].part_of);
  EXPECT_EQ(tasks[4].timeline.condition.value_or(""), "Theo hướng dẫn Sở Nội vụ");
}

// The landscape appendix shape: a two-row header, columns in another order,
// a row numbering the columns, a group column merged down ("Nội dung"
// beside "Nhiệm vụ cụ thể"), roman group rows without spans.
TEST(TasksTest, TwoRowHeaderGroupColumnAndRomanGroups) {
  Table t = TableBuilder(7, 9)
                .Cell(0, 0, "STT", 2).Cell(0, 1, "Nội dung", 2).Cell(0, 2, "Nhiệm vụ cụ thể", 2)
                .Cell(0, 3, "Thời gian hoàn thành", 2).Cell(0, 4, "Cơ quan thực hiện", 1, 2).Cell(0, 6, "Sản phẩm", 2)
                .Cell(1, 4, "Chủ trì").Cell(1, 5, "Phối hợp")
                .Row(2, {"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"})
                .Cell(3, 0, "I", 1, 1, true).Cell(3, 1, "CẢI CÁCH THỂ CHẾ", 1, 1, true).Cell(3, 2, "", 1, 1, true)
                .Cell(4, 0, "1").Cell(4, 1, "Rà soát văn bản", 3)
                .Cell(4, 2, "Rà soát VBQPPL").Cell(4, 3, "Quý I, II/2025").Cell(4, 4, "Sở Tư pháp")
                .Cell(4, 5, "Các sở: Nội vụ, Tài chính").Cell(4, 6, "Báo cáo")
                .Cell(5, 0, "2").Cell(5, 2, "Kiểm tra").Cell(5, 3, "Thường xuyên").Cell(5, 4, "Sở Tư pháp")
                .Cell(6, 0, "3").Cell(6, 2, "Theo dõi thi hành").Cell(6, 3, "Trong năm 2025").Cell(6, 4, "Sở Tư pháp")
                .Cell(7, 0, "II", 1, 1, true).Cell(7, 1, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 1, 1, true)
                .Cell(8, 0, "4").Cell(8, 1, "Kiểm soát TTHC").Cell(8, 2, "Công bố TTHC").Cell(8, 3, "Quý II")
                .Cell(8, 4, "Văn phòng UBND tỉnh")
                .Build();
  std::vector<Task> tasks = X()->Extract({t}, {2025});
  ASSERT_EQ(tasks.size(), 4u);
  EXPECT_EQ(tasks[0].row, 4);
  EXPECT_EQ(tasks[0].task, "Rà soát VBQPPL");
  ASSERT_EQ(tasks[0].groups.size(), 2u);
  EXPECT_EQ(tasks[0].groups[0].no, "I");
  EXPECT_EQ(tasks[0].groups[0].title, "CẢI CÁCH THỂ CHẾ");
  EXPECT_EQ(tasks[0].groups[1].title, "Rà soát văn bản");
  EXPECT_EQ(tasks[2].groups.back().title, "Rà soát văn bản");  // merged down
  EXPECT_EQ(tasks[0].lead, std::vector<std::string>{"Sở Tư pháp"});
  EXPECT_EQ(tasks[0].partners, (std::vector<std::string>{"Sở Nội vụ", "Sở Tài chính"}));
  EXPECT_EQ(tasks[0].product, "Báo cáo");
  EXPECT_EQ(tasks[0].timeline.to.value_or(""), "2025-06-30");
  EXPECT_EQ(tasks[1].timeline.recurring.value_or(""), "continuous");
  EXPECT_EQ(tasks[3].groups.size(), 2u);
  EXPECT_EQ(tasks[3].groups[0].title, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
  EXPECT_EQ(tasks[3].groups[1].title, "Kiểm soát TTHC");
  EXPECT_TRUE(tasks[3].timeline.year_inferred);
  EXPECT_EQ(tasks[3].timeline.from.value_or(""), "2025-04-01");
}

TEST(TasksTest, TableWithoutTaskHeaderIsNotATaskTable) {
  Table t = TableBuilder(3, 2).Row(0, {"Chỉ tiêu", "Năm 2024", "Năm 2025"}).Row(1, {"Hài lòng", "85%", "90%"}).Build();
  EXPECT_TRUE(X()->Extract({t}, {}).empty());
}

// A task table the layout could not join to its first page (text between)
// goes on with the columns of the table before it.
TEST(TasksTest, HeaderlessTableAfterATaskTableGoesOn) {
  Table a = TableBuilder(3, 2).Row(0, {"TT", "Nhiệm vụ", "Chủ trì"}).Row(1, {"1", "Việc một", "Sở Y tế"}).Build();
  Table b = TableBuilder(3, 1).Row(0, {"2", "Việc hai", "Sở Tư pháp, Sở Nội vụ"}).Build();
  std::vector<Task> tasks = X()->Extract({a, b}, {});
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[1].task, "Việc hai");
  EXPECT_EQ(tasks[1].lead.size(), 2u);
}

// Without a number column the number is read from the start of the task.
TEST(TasksTest, NumberInsideTheTaskCell) {
  Table t = TableBuilder(3, 4)
                .Row(0, {"Nội dung công việc", "Cơ quan chủ trì", "Thời gian"})
                .Row(1, {"1.1. Rà soát thủ tục", "Sở Tư pháp", "Quý I/2025"})
                .Row(2, {"Báo cáo kết quả rà soát", "Sở Tư pháp", "Quý II/2025"})
                .Row(3, {"1.2 Công khai", "Văn phòng", "Thường xuyên"})
                .Build();
  std::vector<Task> tasks = X()->Extract({t}, {});
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].no, "1.1.");
  EXPECT_EQ(tasks[0].task, "Rà soát thủ tục");
  EXPECT_EQ(tasks[1].no, "");
  EXPECT_EQ(tasks[1].part_of, 0);
  EXPECT_EQ(tasks[2].no, "1.2");
  EXPECT_FALSE(tasks[2].part_of);
}

// Issue 17: the STT column holds the group numeral, merged down its rows,
// and the tasks are numbered inside their cell.  Before, every row had no
// "I" (or none) and the text kept its "1. ".
TEST(TasksTest, TaskNumbersInsideTheTaskCellUnderAMergedGroupNumeral) {
  Table t = TableBuilder(3, 5)
                .Row(0, {"STT", "Nhiệm vụ", "Cơ quan chủ trì"})
                .Cell(1, 0, "I", 4)
                .Cell(1, 1, "1. Tham mưu Hội đồng nhân dân tỉnh ban hành nghị quyết")
                .Cell(1, 2, "Sở Nội vụ")
                .Cell(2, 1, "2. Rà soát, sắp xếp tổ chức bộ máy")
                .Cell(2, 2, "Sở Nội vụ")
                .Cell(3, 1, "Báo cáo kết quả rà soát")
                .Cell(3, 2, "Sở Nội vụ")
                .Cell(4, 1, "3) Kiểm tra công tác cải cách hành chính")
                .Cell(4, 2, "Văn phòng")
                .Build();
  std::vector<Task> tasks = X()->Extract({t}, {});
  ASSERT_EQ(tasks.size(), 4u);
  EXPECT_EQ(tasks[0].no, "1.");
  EXPECT_EQ(tasks[0].task, "Tham mưu Hội đồng nhân dân tỉnh ban hành nghị quyết");
  ASSERT_FALSE(tasks[0].groups.empty());
  EXPECT_EQ(tasks[0].groups.back().no, "I");
  EXPECT_FALSE(tasks[0].part_of);
  EXPECT_EQ(tasks[1].no, "2.");
  EXPECT_FALSE(tasks[1].part_of);
  EXPECT_EQ(tasks[2].no, "");  // no number of its own: part of the task above
  EXPECT_EQ(tasks[2].part_of, 1);
  EXPECT_EQ(tasks[3].no, "3)");
  EXPECT_EQ(tasks[3].task, "Kiểm tra công tác cải cách hành chính");
}

TEST(TasksTest, CellsGivePagesAndBoxes) {
  TableBuilder b(3, 2);
  b.Row(0, {"TT", "Nhiệm vụ", "Thời gian"}).Cell(1, 0, "1").Cell(1, 1, "Việc", 1, 1, false, 3).Cell(1, 2, "Quý I/2025");
  std::vector<Task> tasks = X()->Extract({b.Build()}, {});
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].pages, (std::vector<int>{1, 3}));
  ASSERT_EQ(tasks[0].cells.size(), 3u);
  EXPECT_EQ(tasks[0].cells[1].column, "task");
  EXPECT_EQ(tasks[0].cells[1].page, 3);
}

}  // namespace
}  // namespace kh
