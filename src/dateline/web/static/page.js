// Brings a highlighted source sentence into view inside its article box.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("mark.sentence").forEach(function (mark) {
    var box = mark.closest(".article");
    if (box) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
    }
  });
});
